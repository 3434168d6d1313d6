package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/** {@code optimizer.type: random}: uniform random search; no parameters. */
public final class RandomSearchFactory implements StrategyOptimizerFactory {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniform random search (log kinds uniform in log space)";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.empty();
    }

    @Override
    public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
        return new RandomSearch(context.random("optimizer").nextLong());
    }
}
