package dev.m6rec.core.eval;

/** MRR@K: 1 / (1-based rank of the first relevant item in the top K), 0 when there is none. */
public final class ReciprocalRank implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        for (int r = 0; r < Math.min(k, listLength); r++) {
            if (hits[r]) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }
}
