package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
    private static final int N = 12;
    private static final int WIDTH = 3;

    private static double[] inputs(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[N * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        return x;
    }

    private static double[] targets(double[] x) {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = Math.sin(6 * x[i * WIDTH]) + x[i * WIDTH + 1] * x[i * WIDTH + 1];
        }
        return YeoJohnsonTransform.standardise(y);
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        double[] x = inputs(1);
        MarginalLikelihood objective = new MarginalLikelihood(x, N, WIDTH, targets(x));
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(2.0), Math.log(1.5), Math.log(1e-2)};
        double[] gradient = new double[theta.length];
        objective.valueAndGradient(theta, gradient);

        for (int k = 0; k < theta.length; k++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (objective.valueAndGradient(up, new double[theta.length])
                    - objective.valueAndGradient(down, new double[theta.length])) / (2 * h);
            assertThat(gradient[k]).as("d/dtheta[%d]", k).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void fittingImprovesTheObjectiveAndFindsTheIrrelevantInput() {
        double[] x = inputs(2);
        MarginalLikelihood objective = new MarginalLikelihood(x, N, WIDTH, targets(x));
        double[] theta = GpHyperparameters.initial(WIDTH);
        double before = objective.valueAndGradient(theta, new double[theta.length]);

        double after = objective.fit(theta, 60);

        assertThat(after).isLessThan(before);
        // The third input does not enter the targets: its length scale grows past the others.
        assertThat(theta[2]).isGreaterThan(Math.max(theta[0], theta[1]));
    }

    @Test
    void interpolatesItsDataAndIsUncertainAwayFromIt() {
        double[] x = inputs(3);
        double[] y = targets(x);
        GaussianProcess gp = new GaussianProcess(new Matern52Kernel(new double[] {0.3, 0.3, 0.3}, 1.0), 1e-6, x, N, y);
        double[] mean = new double[N + 1];
        double[] variance = new double[N + 1];
        double[] query = java.util.Arrays.copyOf(x, (N + 1) * WIDTH);
        query[N * WIDTH] = 5.0;  // far outside the data
        gp.predict(query, N + 1, mean, variance);

        for (int i = 0; i < N; i++) {
            assertThat(mean[i]).isCloseTo(y[i], within(1e-3));
            assertThat(variance[i]).isLessThan(1e-3);
        }
        assertThat(mean[N]).isCloseTo(0.0, within(1e-6));
        assertThat(variance[N]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void factorsMatricesWithDuplicateRowsByAddingJitter() {
        double[] gram = new Matern52Kernel(new double[] {0.5, 0.5}, 1.0).gram(new double[] {0.1, 0.1, 0.1, 0.1}, 2, 0.0);
        CholeskyFactor factor = CholeskyFactor.of(gram, 2);

        assertThat(factor.jitter()).isGreaterThan(0.0);
        double[] solution = factor.solve(new double[] {1.0, 1.0});
        assertThat(solution[0]).isFinite();
        assertThat(solution[1]).isFinite();
    }
}
