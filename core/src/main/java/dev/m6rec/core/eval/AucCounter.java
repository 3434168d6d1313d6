package dev.m6rec.core.eval;

import java.util.Arrays;

/**
 * One user's AUC: the share of (held-out item, other item) pairs where the held-out item scores
 * higher, ties counting one half. Negatives are all rankable items that are not held out.
 */
final class AucCounter {
    private AucCounter() {
    }

    /**
     * @param scores   scores of all items
     * @param excluded items that are not ranked (the user's history)
     * @param relevant held-out items
     */
    static double auc(float[] scores, boolean[] excluded, boolean[] relevant, int numRelevant) {
        int n = scores.length;
        float[] negatives = new float[n];
        int numNegatives = 0;
        for (int i = 0; i < n; i++) {
            if (!excluded[i] && !relevant[i] && !Float.isNaN(scores[i])) {
                negatives[numNegatives++] = scores[i];
            }
        }
        if (numNegatives == 0 || numRelevant == 0) {
            return Double.NaN;
        }
        Arrays.sort(negatives, 0, numNegatives);
        double correct = 0;
        for (int i = 0; i < n; i++) {
            if (!relevant[i]) {
                continue;
            }
            float s = scores[i];
            int below = lowerBound(negatives, numNegatives, s);
            int notAbove = upperBound(negatives, numNegatives, s);
            correct += below + 0.5 * (notAbove - below);
        }
        return correct / ((double) numRelevant * numNegatives);
    }

    private static int lowerBound(float[] a, int n, float v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, int n, float v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
