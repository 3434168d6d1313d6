package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;

/**
 * {@code optimizer.type: genetic}: a genetic algorithm with tournament selection, crossover,
 * mutation and elitism over mixed spaces.
 *
 * <pre>{@code
 * optimizer: { type: genetic, population: 10, elite: 2, mutation-rate: 0.2, trials: 100, space: { ... } }
 * }</pre>
 */
public final class GeneticOptimizerFactory implements StrategyOptimizerFactory<GeneticOptimizerFactory.Settings> {

    public record Settings(
            @Param(value = "trials in the breeding pool (the first ones are uniform random)", def = "10", min = 2)
            int population,
            @Param(value = "best trials that always stay in the breeding pool", def = "2", min = 0)
            int elite,
            @Param(value = "pool members compared to select each parent", def = "3", min = 1)
            int tournament,
            @Param(value = "probability that a child mixes two parents", def = "0.9", min = 0, max = 1)
            double crossoverRate,
            @Param(value = "probability that each parameter of a child mutates", def = "0.2", min = 0, max = 1)
            double mutationRate) {
    }

    @Override
    public String name() {
        return "genetic";
    }

    @Override
    public String description() {
        return "genetic algorithm: tournament selection, crossover, mutation, elitism";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings s, Problems problems) {
        if (s.elite() >= s.population()) {
            problems.add("elite", "must be < population " + s.population() + " (was " + s.elite() + ")");
        }
    }

    @Override
    public StrategyOptimizer create(Settings s, PluginContext context) {
        return new GeneticOptimizer(context.random("optimizer").nextLong(), s.population(), s.elite(), s.tournament(),
                s.crossoverRate(), s.mutationRate());
    }
}
