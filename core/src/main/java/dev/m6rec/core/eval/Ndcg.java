package dev.m6rec.core.eval;

/**
 * NDCG@K with binary gains: DCG = sum over relevant ranks r (1-based) of 1/log2(r+1), divided by
 * the ideal DCG of min(relevant, K) relevant items at the top.
 */
public final class Ndcg implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        double dcg = 0;
        for (int r = 0; r < Math.min(k, listLength); r++) {
            if (hits[r]) {
                dcg += 1 / log2(r + 2);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, relevant); r++) {
            ideal += 1 / log2(r + 2);
        }
        return dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
