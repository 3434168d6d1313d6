package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * Makes {@link RandomSearch} optimizers; {@link NoSettings}: the section takes only the keys every
 * optimizer has ({@code trials}, {@code metric}, {@code space}, ...).
 *
 * <pre>{@code
 * optimizer: { type: ${pluginName}-random, trials: 20, metric: ndcg@10, space: { similarity.min-shared: { int: [1, 5] } } }
 * }</pre>
 */
public final class RandomSearchFactory implements StrategyOptimizerFactory<NoSettings> {

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-random";
    }

    @Override
    public String description() {
        return "draws every trial independently and uniformly (log-uniformly for log kinds) from the space";
    }

    @Override
    public Class<NoSettings> settingsType() {
        return NoSettings.class;
    }

    @Override
    public StrategyOptimizer create(NoSettings settings, PluginContext context) {
        return new RandomSearch(context.random("search"));
    }
}
