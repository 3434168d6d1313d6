package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each search method beats uniform random search on a cheap function, on average over seeds. */
class OptimizerQualityTest {

    /** A narrow, rotated valley over two floats, a log-float and an int; minimum 0. */
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            SearchParameter.numeric("a", ParameterKind.FLOAT, -5, 5),
            SearchParameter.numeric("b", ParameterKind.FLOAT, -5, 5),
            SearchParameter.numeric("lr", ParameterKind.LOG_FLOAT, 1e-5, 1),
            SearchParameter.numeric("n", ParameterKind.INT, 1, 100)));

    private static double loss(Map<String, Object> p) {
        double a = (Double) p.get("a") - 1.3;
        double b = (Double) p.get("b") + 2.1;
        double lr = Math.log10((Double) p.get("lr")) + 2.7;
        double n = (((Long) p.get("n")) - 37) / 20.0;
        return (a + b) * (a + b) + 0.3 * (a - b) * (a - b) + lr * lr + n * n;
    }

    private static double meanBest(String name, Map<String, Object> settings, Direction direction, int trials,
                                   int seeds) {
        double sum = 0.0;
        for (int seed = 0; seed < seeds; seed++) {
            StrategyOptimizer optimizer = Optimizers.create(name, settings, 500 + seed);
            optimizer.start(SPACE, direction);
            double sign = direction == Direction.MAXIMIZE ? -1 : 1;
            sum += Optimizers.best(Optimizers.run(optimizer, trials, p -> sign * loss(p)), p -> sign * loss(p)) * sign;
        }
        return sum / seeds;
    }

    @ParameterizedTest
    @CsvSource({"bayesian, 40, 4, 0.05", "tpe, 40, 8, 0.5", "genetic, 80, 16, 0.5"})
    void beatsRandomSearchByAMargin(String name, int trials, int seeds, double maxRatioToRandom) {
        Map<String, Object> settings = name.equals("genetic") ? Map.of("population", 10) : Map.of();
        double random = meanBest("random", Map.of(), Direction.MINIMIZE, trials, seeds);
        double optimizer = meanBest(name, settings, Direction.MINIMIZE, trials, seeds);

        assertThat(optimizer).isLessThan(maxRatioToRandom * random);
    }

    @ParameterizedTest
    @CsvSource({"bayesian, 0.05", "tpe, 0.5"})
    void maximisesWhenAskedTo(String name, double maxRatioToRandom) {
        // Same problem as a maximisation of -loss: the mean best of -loss must come as close to 0.
        double random = -meanBest("random", Map.of(), Direction.MAXIMIZE, 40, 4);
        double optimizer = -meanBest(name, Map.of(), Direction.MAXIMIZE, 40, 4);

        assertThat(optimizer).isLessThan(maxRatioToRandom * random);
    }
}
