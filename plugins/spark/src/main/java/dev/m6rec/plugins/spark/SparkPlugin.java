package dev.m6rec.plugins.spark;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import java.util.List;

/**
 * Components that train on Apache Spark: {@code als}, matrix factorisation by MLlib's alternating
 * least squares.
 *
 * <pre>{@code
 * spark: { master: local[*] }
 * interest: { type: als, rank: 32, iterations: 10, feedback: implicit, alpha: 1.0 }
 * }</pre>
 */
public final class SparkPlugin implements Plugin {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new AlsFactory());
    }
}
