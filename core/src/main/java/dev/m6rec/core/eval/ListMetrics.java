package dev.m6rec.core.eval;

import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;

/**
 * Beyond-accuracy metrics of all users' top-K lists together. {@code lists[u]} is user u's list
 * (null for users not counted), each at least K long or shorter when fewer items were rankable.
 */
final class ListMetrics {
    private ListMetrics() {
    }

    /** Share of all items that appear in at least one top-K list. */
    static double coverage(int[][] lists, int k, int numItems) {
        boolean[] seen = new boolean[numItems];
        int distinct = 0;
        for (int[] list : lists) {
            if (list == null) {
                continue;
            }
            for (int r = 0; r < Math.min(k, list.length); r++) {
                if (!seen[list[r]]) {
                    seen[list[r]] = true;
                    distinct++;
                }
            }
        }
        return distinct / (double) numItems;
    }

    /**
     * Gini index of item exposure in the top-K lists over all items (0 = every item shown equally
     * often, towards 1 = all exposure on few items): sum_i (2i - n - 1) c_i / (n sum c), c ascending, i 1-based.
     */
    static double gini(int[][] lists, int k, int numItems) {
        double[] counts = new double[numItems];
        double total = 0;
        for (int[] list : lists) {
            if (list == null) {
                continue;
            }
            for (int r = 0; r < Math.min(k, list.length); r++) {
                counts[list[r]]++;
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        Arrays.sort(counts);
        double sum = 0;
        for (int i = 0; i < numItems; i++) {
            sum += (2.0 * (i + 1) - numItems - 1) * counts[i];
        }
        return sum / (numItems * total);
    }

    /**
     * Mean self-information of recommended items, -log2((pop_i + 1) / (users + 1)) with pop_i the
     * item's training interactions (add-one smoothing keeps never-seen items finite), averaged per
     * list and then over users.
     */
    static double novelty(int[][] lists, int k, int[] popularity, int users) {
        double sum = 0;
        int n = 0;
        for (int[] list : lists) {
            if (list == null || list.length == 0) {
                continue;
            }
            double listSum = 0;
            int m = Math.min(k, list.length);
            for (int r = 0; r < m; r++) {
                listSum += -Math.log((popularity[list[r]] + 1.0) / (users + 1.0)) / Math.log(2);
            }
            sum += listSum / m;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean over users of the mean pairwise dissimilarity (1 - similarity) inside each list. */
    static double intraListDiversity(int[][] lists, int k, SimilarityModel similarity) {
        double sum = 0;
        int n = 0;
        for (int[] list : lists) {
            if (list == null) {
                continue;
            }
            int m = Math.min(k, list.length);
            if (m < 2) {
                continue;
            }
            double pairs = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    pairs += 1 - similarity.similarity(list[a], list[b]);
                }
            }
            sum += pairs / (m * (m - 1) / 2.0);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
