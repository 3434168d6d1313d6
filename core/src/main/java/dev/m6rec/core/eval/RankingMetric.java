package dev.m6rec.core.eval;

/**
 * A metric of one user's top-K list against that user's relevant (held-out) items, with binary
 * relevance. {@code hits[r]} says whether the item at rank {@code r} (0-based) is relevant;
 * {@code listLength} may be shorter than K when fewer items could be ranked.
 */
public interface RankingMetric {

    /** The value for one user with {@code relevant >= 1} held-out items. */
    double compute(boolean[] hits, int listLength, int k, int relevant);

    /** The metric for a config name ({@code hr}, {@code ndcg}, ...). */
    static RankingMetric named(String name) {
        return switch (name) {
            case "hr" -> new HitRate();
            case "precision" -> new Precision();
            case "recall" -> new Recall();
            case "ndcg" -> new Ndcg();
            case "mrr" -> new ReciprocalRank();
            case "map" -> new AveragePrecision();
            default -> throw new IllegalArgumentException("no ranking metric " + name);
        };
    }
}
