package dev.m6rec.core.eval;

/** HR@K: 1 when at least one relevant item is in the top K, else 0. */
public final class HitRate implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        for (int r = 0; r < Math.min(k, listLength); r++) {
            if (hits[r]) {
                return 1;
            }
        }
        return 0;
    }
}
