package dev.m6rec.core.eval;

/** Precision@K: relevant items in the top K divided by K (not by the list length). */
public final class Precision implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        return HitCount.of(hits, Math.min(k, listLength)) / (double) k;
    }
}
