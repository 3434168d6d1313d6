package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogExpectedImprovementTest {

    private static double naive(double z) {
        double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double cdf = 0.5 * smile.math.special.Erf.erfc(-z / Math.sqrt(2));
        return Math.log(phi + z * cdf);
    }

    @Test
    void matchesTheClosedFormWhereItIsAccurate() {
        for (double z = -5; z <= 4; z += 0.25) {
            assertThat(LogExpectedImprovement.logH(z)).as("z = %s", z).isCloseTo(naive(z), within(1e-7));
        }
        // E[max(best - f, 0)] for f ~ N(0, 4) and best = 1: sd 2, z = 0.5.
        assertThat(LogExpectedImprovement.of(0.0, 4.0, 1.0)).isCloseTo(Math.log(2) + naive(0.5), within(1e-12));
    }

    @Test
    void staysFiniteAndDecreasingFarFromTheIncumbent() {
        double previous = LogExpectedImprovement.logH(-3);
        for (double z = -3.5; z >= -60; z -= 0.5) {
            double value = LogExpectedImprovement.logH(z);
            assertThat(value).as("z = %s", z).isFinite().isLessThan(previous);
            previous = value;
        }
        // Asymptotically h(z) ~ phi(z) / z^2.
        assertThat(LogExpectedImprovement.logH(-40)).isCloseTo(-800 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(40),
                within(1e-2));
    }
}
