package dev.m6rec.core.stats;

import java.util.Arrays;
import smile.stat.distribution.GaussianDistribution;

/**
 * The Wilcoxon signed-rank test of paired values, two-sided, by the normal approximation with the
 * tie correction of the variance and no continuity correction; zero differences are dropped
 * (Wilcoxon's method). This is {@code scipy.stats.wilcoxon(x, y, zero_method="wilcox",
 * correction=False, method="approx")}. Per-user metrics have hundreds of users and many ties
 * (HR is 0 or 1), where the exact distribution does not apply and the approximation is what
 * every toolkit uses. Smile has no Wilcoxon test; its normal distribution gives the p-value.
 */
public final class WilcoxonSignedRankTest {
    private WilcoxonSignedRankTest() {
    }

    public static PairedTest test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        double[] d = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double diff = x[i] - y[i];
            if (diff != 0) {
                d[n++] = diff;
            }
        }
        if (n == 0) {
            return new PairedTest(Double.NaN, Double.NaN, 0);
        }
        // Sort by |d| and give ties the mean of the ranks they span.
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(abs[a], abs[b]));
        double plus = 0;
        double tieTerm = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && abs[order[end + 1]] == abs[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (d[order[k]] > 0) {
                    plus += rank;
                }
            }
            double t = end - start + 1;
            tieTerm += t * t * t - t;
            start = end + 1;
        }
        double total = n * (n + 1) / 2.0;
        double statistic = Math.min(plus, total - plus);
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        if (variance <= 0) {
            return new PairedTest(statistic, Double.NaN, n);
        }
        double z = (statistic - mean) / Math.sqrt(variance);
        double p = Math.min(1.0, 2 * GaussianDistribution.getInstance().cdf(-Math.abs(z)));
        return new PairedTest(statistic, p, n);
    }
}
