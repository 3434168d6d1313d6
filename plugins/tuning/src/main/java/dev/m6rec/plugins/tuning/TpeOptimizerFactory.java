package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: tpe}: the tree-structured Parzen estimator.
 *
 * <pre>{@code
 * optimizer: { type: tpe, startup-trials: 10, candidates: 24, trials: 50, space: { ... } }
 * }</pre>
 */
public final class TpeOptimizerFactory implements StrategyOptimizerFactory<TpeOptimizerFactory.Settings> {

    public record Settings(
            @Param(value = "uniform random trials before the estimator takes over", def = "10", min = 0)
            int startupTrials,
            @Param(value = "points drawn from the good-trial density per ask", def = "24", min = 1)
            int candidates,
            @Param(value = "fraction of finished trials counted as good (at most 25 trials)", def = "0.1",
                    above = 0, max = 1)
            double gamma,
            @Param(value = "weight of the flat prior component in each density", def = "1.0", above = 0)
            double priorWeight,
            @Param(value = "model the unconditional numeric parameters jointly rather than one by one", def = "true")
            boolean multivariate) {
    }

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public String description() {
        return "tree-structured Parzen estimator (Optuna-like)";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public StrategyOptimizer create(Settings s, PluginContext context) {
        return new TpeOptimizer(context.random("optimizer").nextLong(), s.startupTrials(), s.candidates(), s.gamma(),
                s.priorWeight(), s.multivariate());
    }
}
