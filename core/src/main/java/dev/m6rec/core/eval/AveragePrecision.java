package dev.m6rec.core.eval;

/**
 * MAP@K (per user, averaged by the evaluator): the sum of precision@r at each relevant rank r in
 * the top K, divided by min(relevant, K) — the RecBole/LensKit convention.
 */
public final class AveragePrecision implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        double sum = 0;
        int found = 0;
        for (int r = 0; r < Math.min(k, listLength); r++) {
            if (hits[r]) {
                found++;
                sum += found / (double) (r + 1);
            }
        }
        return sum / Math.min(relevant, k);
    }
}
