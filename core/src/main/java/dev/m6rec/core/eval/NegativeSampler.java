package dev.m6rec.core.eval;

import java.util.SplittableRandom;

/**
 * Draws negatives for one user: items neither excluded (history) nor held out, uniformly or in
 * proportion to training popularity (+1 so unseen items can be drawn). Seeded per user, so the
 * draw does not depend on which thread evaluates the user.
 */
final class NegativeSampler {
    private final boolean byPopularity;
    private final double[] cumulative;
    private final long seed;

    NegativeSampler(int[] popularity, boolean byPopularity, long seed) {
        this.byPopularity = byPopularity;
        this.seed = seed;
        this.cumulative = new double[popularity.length];
        double sum = 0;
        for (int i = 0; i < popularity.length; i++) {
            sum += popularity[i] + 1.0;
            cumulative[i] = sum;
        }
    }

    /** Up to {@code count} distinct negatives; fewer when the user has touched almost everything. */
    int[] sample(int user, int count, boolean[] excluded, boolean[] relevant) {
        int n = cumulative.length;
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (user + 1)));
        boolean[] taken = new boolean[n];
        int[] out = new int[count];
        int size = 0;
        int attempts = 0;
        while (size < count && attempts < count * 20 + 100) {
            attempts++;
            int item = byPopularity ? draw(random.nextDouble() * cumulative[n - 1]) : random.nextInt(n);
            if (!excluded[item] && !relevant[item] && !taken[item]) {
                taken[item] = true;
                out[size++] = item;
            }
        }
        return size == count ? out : java.util.Arrays.copyOf(out, size);
    }

    private int draw(double target) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
