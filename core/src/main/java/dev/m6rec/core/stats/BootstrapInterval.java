package dev.m6rec.core.stats;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A percentile bootstrap confidence interval of a mean over users: users are drawn with replacement,
 * {@code resamples} times, from a seeded source, and the interval is cut from the resampled means.
 *
 * @param low  the lower bound (the 2.5th percentile for a 95% interval)
 * @param high the upper bound
 */
public record BootstrapInterval(double low, double high) {
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The {@code level} (e.g. 0.95) interval of the mean of {@code values}; NaN bounds when there are none. */
    public static BootstrapInterval ofMean(double[] values, double level, int resamples, RandomGenerator random) {
        int n = values.length;
        if (n == 0) {
            return new BootstrapInterval(Double.NaN, Double.NaN);
        }
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new BootstrapInterval(percentile(means, tail), percentile(means, 1 - tail));
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
