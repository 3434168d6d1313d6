package dev.m6rec.plugins.tuning;

import smile.math.special.Erf;

/**
 * The logarithm of expected improvement below {@code best} for a Gaussian prediction, computed
 * without underflow: far from the incumbent plain EI is exactly 0 for thousands of candidates and
 * no longer ranks them, while its logarithm still does (Ament et al., "Unexpected improvements to
 * expected improvement", 2023).
 */
final class LogExpectedImprovement {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    private LogExpectedImprovement() {
    }

    /** {@code log E[max(best - f, 0)]} for {@code f ~ N(mean, variance)}. */
    static double of(double mean, double variance, double best) {
        double sd = Math.sqrt(variance);
        double z = (best - mean) / sd;
        return Math.log(sd) + logH(z);
    }

    /** {@code log(phi(z) + z Phi(z))}, the EI of a standard normal prediction with improvement {@code z}. */
    static double logH(double z) {
        if (z > -3.0) {
            double phi = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
            double cdf = 0.5 * Erf.erfc(-z / SQRT2);
            return Math.log(phi + z * cdf);
        }
        // phi(t) + z Phi(z) = phi(t) (1 - t R(t)) with t = -z and R the Mills ratio; with the
        // continued fraction R(t) = 1 / (t + c), c = 1 / (t + 2 / (t + 3 / ...)), the bracket is
        // c / (t + c), free of the cancellation that ruins the direct form.
        double t = -z;
        double tail = t;
        for (int k = 40; k >= 2; k--) {
            tail = t + k / tail;
        }
        double c = 1.0 / tail;
        return -0.5 * t * t - LOG_SQRT_2PI + Math.log(c) - Math.log(t + c);
    }
}
