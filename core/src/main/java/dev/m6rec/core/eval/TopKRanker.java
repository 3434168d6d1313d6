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

    /** The model's exact full ranking; the {@link Evaluator} scores its users in blocks. */
    static TopKRanker fullRanking(InterestModel model) {
        return new FullRanking(model);
    }
}
