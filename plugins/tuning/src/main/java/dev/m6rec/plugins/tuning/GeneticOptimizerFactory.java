package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import java.util.List;

/**
 * {@code optimizer.type: genetic}: a genetic algorithm with tournament selection, crossover,
 * mutation and elitism over mixed spaces.
 *
 * <pre>{@code
 * optimizer: { type: genetic, population: 10, elite: 2, mutation-rate: 0.2, trials: 100, space: { ... } }
 * }</pre>
 */
public final class GeneticOptimizerFactory implements StrategyOptimizerFactory {

    @Override
    public String name() {
        return "genetic";
    }

    @Override
    public String description() {
        return "genetic algorithm: tournament selection, crossover, mutation, elitism";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .intParam("population", 10, "trials in the breeding pool (the first ones are uniform random)").atLeast(2)
                .intParam("elite", 2, "best trials that always stay in the breeding pool").atLeast(0)
                .intParam("tournament", 3, "pool members compared to select each parent").atLeast(1)
                .floatParam("crossover-rate", 0.9, "probability that a child mixes two parents").atLeast(0).atMost(1)
                .floatParam("mutation-rate", 0.2, "probability that each parameter of a child mutates").atLeast(0).atMost(1)
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        int population = config.getInt("population");
        int elite = config.getInt("elite");
        if (elite >= population) {
            return List.of(new ConfigProblem("elite", "must be < population " + population + " (was " + elite + ")"));
        }
        return List.of();
    }

    @Override
    public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
        return new GeneticOptimizer(context.random("optimizer").nextLong(), config.getInt("population"),
                config.getInt("elite"), config.getInt("tournament"), config.getDouble("crossover-rate"),
                config.getDouble("mutation-rate"));
    }
}
