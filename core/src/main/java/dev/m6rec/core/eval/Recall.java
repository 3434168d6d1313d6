package dev.m6rec.core.eval;

/** Recall@K: relevant items in the top K divided by the user's number of relevant items. */
public final class Recall implements RankingMetric {
    @Override
    public double compute(boolean[] hits, int listLength, int k, int relevant) {
        return HitCount.of(hits, Math.min(k, listLength)) / (double) relevant;
    }
}
