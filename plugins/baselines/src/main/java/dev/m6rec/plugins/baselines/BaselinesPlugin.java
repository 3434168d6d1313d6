package dev.m6rec.plugins.baselines;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import java.util.List;

/**
 * The classic interest-model baselines every recommender is measured against:
 * {@code popularity}, {@code item-knn}, {@code bpr} and {@code ease}.
 *
 * <pre>{@code
 * interest: { type: ease, lambda: 500 }
 * }</pre>
 */
public final class BaselinesPlugin implements Plugin {

    @Override
    public String name() {
        return "baselines";
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new PopularityFactory(), new ItemKnnFactory(), new BprFactory(), new EaseFactory());
    }
}
