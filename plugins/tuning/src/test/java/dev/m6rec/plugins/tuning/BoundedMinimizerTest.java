package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedMinimizerTest {

    private static double rosenbrock(double[] x, double[] g) {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    @Test
    void findsAnInteriorMinimum() {
        double[] x = {-1.2, 1.0};
        double value = BoundedMinimizer.minimize(BoundedMinimizerTest::rosenbrock, x, new double[] {-5, -5},
                new double[] {5, 5}, 500, 1e-12);

        assertThat(value).isLessThan(1e-8);
        assertThat(x[0]).isCloseTo(1.0, within(1e-3));
        assertThat(x[1]).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void stopsOnTheBoundWhenTheMinimumLiesOutside() {
        double[] x = {0.0, 0.0};
        BoundedMinimizer.minimize(BoundedMinimizerTest::rosenbrock, x, new double[] {-2, -2}, new double[] {0.5, 2},
                500, 1e-12);

        // On x0 <= 0.5 the minimum is at x0 = 0.5, x1 = 0.25.
        assertThat(x[0]).isCloseTo(0.5, within(1e-6));
        assertThat(x[1]).isCloseTo(0.25, within(1e-4));
    }
}
