package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class GridSearchFactory implements StrategyOptimizerFactory<GridSearchFactory.Settings> {

    public record Settings(
            @Param(value = "evenly spaced values per numeric parameter, bounds included", def = "5", min = 2)
            int points) {
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public String description() {
        return "grid search: evenly spaced values per numeric parameter, all choices; random once exhausted";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public StrategyOptimizer create(Settings settings, PluginContext context) {
        return new GridSearch(context.random("optimizer").nextLong(), settings.points());
    }
}
