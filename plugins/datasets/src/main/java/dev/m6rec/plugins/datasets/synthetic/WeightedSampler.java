package dev.m6rec.plugins.datasets.synthetic;

import java.util.random.RandomGenerator;

/** Draws members of a fixed set with probability proportional to their weights (binary search over cumulative sums). */
final class WeightedSampler {
    private final int[] members;
    private final double[] cumulative;

    /** @param members item indexes; {@code weights[members[k]]} is the weight of member k */
    WeightedSampler(int[] members, double[] weights) {
        this.members = members.clone();
        this.cumulative = new double[members.length];
        double sum = 0;
        for (int k = 0; k < members.length; k++) {
            sum += weights[members[k]];
            cumulative[k] = sum;
        }
    }

    boolean isEmpty() {
        return members.length == 0;
    }

    int sample(RandomGenerator random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return members[lo];
    }
}
