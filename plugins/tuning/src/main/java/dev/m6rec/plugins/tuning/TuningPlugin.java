package dev.m6rec.plugins.tuning;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import java.util.List;

/**
 * The strategy optimisers: {@code random}, {@code grid}, {@code bayesian} (Gaussian process),
 * {@code tpe} and {@code genetic}, all ask/tell, seeded from the run's context and able to be
 * rebuilt from a journal by telling them the finished trials.
 */
public final class TuningPlugin implements Plugin {

    @Override
    public String name() {
        return "tuning";
    }

    @Override
    public List<StrategyOptimizerFactory<?>> strategyOptimizers() {
        return List.of(new RandomSearchFactory(), new GridSearchFactory(), new BayesianOptimizerFactory(),
                new TpeOptimizerFactory(), new GeneticOptimizerFactory());
    }
}
