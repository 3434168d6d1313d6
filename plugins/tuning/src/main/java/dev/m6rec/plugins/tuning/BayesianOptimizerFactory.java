package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class BayesianOptimizerFactory implements StrategyOptimizerFactory<BayesianOptimizerFactory.Settings> {

    public record Settings(
            @Param(value = "uniform random trials before the Gaussian process takes over", def = "10", min = 2)
            int startupTrials,
            @Param(value = "uniform random candidates per ask whose expected improvement is computed "
                    + "(plus local perturbations of the best)", def = "500", min = 1)
            int candidates) {
    }

    @Override
    public String name() {
        return "bayesian";
    }

    @Override
    public String description() {
        return "Gaussian-process Bayesian optimisation with expected improvement";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public StrategyOptimizer create(Settings settings, PluginContext context) {
        return new GaussianProcessOptimizer(context.random("optimizer").nextLong(), settings.startupTrials(),
                settings.candidates());
    }
}
