package dev.m6rec.core.stats;

import java.util.Arrays;

/**
 * Holm's step-down correction of a family of p-values (each model against the baseline, per metric):
 * it controls the family-wise error like Bonferroni and rejects at least as often. NaN p-values (tests
 * that could not be made) stay NaN and do not count towards the family.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted((a, b) -> Double.compare(p[a], p[b])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            // max over the smaller p-values keeps the adjusted values in the same order as the raw ones.
            running = Math.max(running, Math.min(1.0, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
