package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: tpe}: the tree-structured Parzen estimator.
 *
 * <pre>{@code
 * optimizer: { type: tpe, startup-trials: 10, candidates: 24, trials: 50, space: { ... } }
 * }</pre>
 */
public final class TpeOptimizerFactory implements StrategyOptimizerFactory {

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public String description() {
        return "tree-structured Parzen estimator (Optuna-like)";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .intParam("startup-trials", 10, "uniform random trials before the estimator takes over").atLeast(0)
                .intParam("candidates", 24, "points drawn from the good-trial density per ask").atLeast(1)
                .floatParam("gamma", 0.1, "fraction of finished trials counted as good (at most 25 trials)")
                .greaterThan(0).atMost(1)
                .floatParam("prior-weight", 1.0, "weight of the flat prior component in each density").greaterThan(0)
                .booleanParam("multivariate", true, "model the unconditional numeric parameters jointly rather than one by one")
                .build();
    }

    @Override
    public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
        return new TpeOptimizer(context.random("optimizer").nextLong(), config.getInt("startup-trials"),
                config.getInt("candidates"), config.getDouble("gamma"), config.getDouble("prior-weight"),
                config.getBoolean("multivariate"));
    }
}
