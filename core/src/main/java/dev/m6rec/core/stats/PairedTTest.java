package dev.m6rec.core.stats;

import smile.stat.hypothesis.TTest;

/**
 * Student's paired t-test, two-sided, through Smile ({@link TTest#testPaired}); agrees with
 * {@code scipy.stats.ttest_rel}.
 */
public final class PairedTTest {
    private PairedTTest() {
    }

    public static PairedTest test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        if (x.length < 2 || constantDifference(x, y)) {
            // Smile would divide by a zero standard deviation; there is nothing to test.
            return new PairedTest(Double.NaN, Double.NaN, x.length);
        }
        TTest t = TTest.testPaired(x, y);
        return new PairedTest(t.t, t.pvalue, x.length);
    }

    private static boolean constantDifference(double[] x, double[] y) {
        double d0 = x[0] - y[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] - y[i] != d0) {
                return false;
            }
        }
        return true;
    }
}
