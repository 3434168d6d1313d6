package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: bayesian}: a Gaussian process (Matérn-5/2, one length scale per input)
 * with expected improvement.
 *
 * <pre>{@code
 * optimizer: { type: bayesian, startup-trials: 10, candidates: 500, trials: 50, space: { ... } }
 * }</pre>
 */
public final class BayesianOptimizerFactory implements StrategyOptimizerFactory {

    @Override
    public String name() {
        return "bayesian";
    }

    @Override
    public String description() {
        return "Gaussian-process Bayesian optimisation with expected improvement";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .intParam("startup-trials", 10, "uniform random trials before the Gaussian process takes over").atLeast(2)
                .intParam("candidates", 500, "uniform random candidates per ask whose expected improvement is computed "
                        + "(plus local perturbations of the best)").atLeast(1)
                .build();
    }

    @Override
    public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
        return new GaussianProcessOptimizer(context.random("optimizer").nextLong(), config.getInt("startup-trials"),
                config.getInt("candidates"));
    }
}
