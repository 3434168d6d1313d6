package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: grid}: the product of {@code points} values per numeric parameter and
 * every choice, in odometer order; uniform random once the grid is exhausted.
 *
 * <pre>{@code
 * optimizer: { type: grid, points: 4, trials: 64, space: { ... } }
 * }</pre>
 */
public final class GridSearchFactory implements StrategyOptimizerFactory {

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public String description() {
        return "grid search: evenly spaced values per numeric parameter, all choices; random once exhausted";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .intParam("points", 5, "evenly spaced values per numeric parameter, bounds included").atLeast(2)
                .build();
    }

    @Override
    public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
        return new GridSearch(context.random("optimizer").nextLong(), config.getInt("points"));
    }
}
