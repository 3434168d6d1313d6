package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: random}: uniform random search; no parameters of its own.
 *
 * <pre>{@code
 * optimizer: { type: random, trials: 50, space: { ... } }
 * }</pre>
 */
public final class RandomSearchFactory implements StrategyOptimizerFactory<NoSettings> {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniform random search (log kinds uniform in log space)";
    }

    @Override
    public Class<NoSettings> settingsType() {
        return NoSettings.class;
    }

    @Override
    public StrategyOptimizer create(NoSettings settings, PluginContext context) {
        return new RandomSearch(context.random("optimizer").nextLong());
    }
}
