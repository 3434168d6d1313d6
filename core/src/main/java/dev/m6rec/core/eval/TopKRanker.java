package dev.m6rec.core.eval;

import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;

/**
 * Produces a user's top-K list, leaving out {@code excluded} items: either the interest model's
 * exact full ranking or the serving path (recall, rank, re-rank). Must be thread-safe and must
 * not modify {@code excluded}.
 */
@FunctionalInterface
public interface TopKRanker {

    ScoredItems topK(UserProfile profile, int k, boolean[] excluded);

    /** Scores every item with the model; a scratch buffer per thread avoids re-allocation. */
    static TopKRanker fullRanking(InterestModel model) {
        ThreadLocal<float[]> buffers = new ThreadLocal<>();
        return (profile, k, excluded) -> {
            float[] scores = buffers.get();
            if (scores == null || scores.length != excluded.length) {
                scores = new float[excluded.length];
                buffers.set(scores);
            }
            model.scoreAll(profile, scores);
            return ScoredItems.topK(scores, k, excluded);
        };
    }
}
