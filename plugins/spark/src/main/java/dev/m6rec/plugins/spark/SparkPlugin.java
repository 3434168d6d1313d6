package dev.m6rec.plugins.spark;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import java.util.List;

/**
 * Components that run on Apache Spark: {@code als}, matrix factorisation by MLlib's alternating
 * least squares, and the {@code parquet} loader (read by the {@code m6rec-spark} module's jobs).
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
    public List<DatasetLoaderFactory<?>> datasetLoaders() {
        return List.of(new ParquetLoaderFactory());
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new AlsFactory());
    }
}
