package dev.m6rec.core.eval;

import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;

/**
 * The interest model's exact full ranking: every item scored, the best {@code k} selected by
 * {@link ScoredItems#topK} (a bounded heap on primitive arrays). A named type so the
 * {@link Evaluator} can recognise it and score its users in blocks through
 * {@link InterestModel#scoreAll(java.util.List, float[])} instead of one by one.
 */
record FullRanking(InterestModel model, ThreadLocal<float[]> buffers) implements TopKRanker {

    FullRanking(InterestModel model) {
        this(model, new ThreadLocal<>());
    }

    /** Scores every item with the model; a scratch buffer per thread avoids re-allocation. */
    @Override
    public ScoredItems topK(UserProfile profile, int k, boolean[] excluded) {
        float[] scores = buffers.get();
        if (scores == null || scores.length != excluded.length) {
            scores = new float[excluded.length];
            buffers.set(scores);
        }
        model.scoreAll(profile, scores);
        return ScoredItems.topK(scores, k, excluded);
    }
}
