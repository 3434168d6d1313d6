package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    @Test
    void scoresLikeOptunasTpe() {
        UnitSpace space = new UnitSpace(new SearchSpace(List.of(SearchParameter.numeric("x", ParameterKind.FLOAT, 0, 1))));
        List<double[]> observations = List.of(new double[] {0.1}, new double[] {0.4}, new double[] {0.45},
                new double[] {0.9});
        ParzenEstimator estimator = new ParzenEstimator(space, new int[] {0}, observations, new double[] {1, 1, 1, 1}, 1.0);

        double[] scores = estimator.logScore(new double[][] {{0.0}, {0.2}, {0.5}, {0.95}});

        // Optuna 3.1: _ParzenEstimator({'x': [0.1, 0.4, 0.45, 0.9]}, FloatDistribution(0, 1), defaults).log_pdf(...)
        assertThat(scores[0]).isCloseTo(-1.03909643, within(1e-8));
        assertThat(scores[1]).isCloseTo(-0.80589651, within(1e-8));
        assertThat(scores[2]).isCloseTo(-0.68363570, within(1e-8));
        assertThat(scores[3]).isCloseTo(-1.06931650, within(1e-8));
    }

    @Test
    void samplesConcentrateOnTheObservationsAndRespectIntegersAndChoices() {
        UnitSpace space = new UnitSpace(new SearchSpace(List.of(
                SearchParameter.numeric("n", ParameterKind.INT, 1, 100),
                SearchParameter.choice("c", List.of("a", "b", "c", "d")))));
        double n = space.encode(0, 80L);
        List<double[]> observations = List.of(new double[] {n, 2}, new double[] {n, 2}, new double[] {n, 2});
        ParzenEstimator estimator = new ParzenEstimator(space, new int[] {0, 1}, observations, new double[] {1, 1, 1}, 1.0);

        double[][] samples = estimator.sample(400, new SplittableRandom(4));

        long nearN = java.util.Arrays.stream(samples).filter(r -> Math.abs((Long) space.decode(0, r[0]) - 80) <= 25).count();
        long choiceC = java.util.Arrays.stream(samples).filter(r -> r[1] == 2.0).count();
        assertThat(nearN).isGreaterThan(200);
        assertThat(choiceC).isGreaterThan(200);
        for (double[] r : samples) {
            assertThat(space.snap(0, r[0])).isEqualTo(r[0]);
        }
        double[] scores = estimator.logScore(new double[][] {{n, 2}, {space.encode(0, 10L), 0}});
        assertThat(scores[0]).isGreaterThan(scores[1]);
    }
}
