package dev.m6rec.core.eval;

import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link Evaluator} ranks and what it needs beyond scores.
 *
 * @param sampled            rank held-out items among sampled negatives instead of all items
 * @param negatives          sampled negatives per held-out item (sampled ranking and LogLoss)
 * @param popularitySampling draw negatives in proportion to training popularity instead of uniformly
 * @param seed               seed of the negative sampling (per user, so results do not depend on threads)
 * @param itemPopularity     training interactions per item, as {@code Interactions.itemCounts()} gives them (novelty, popularity sampling)
 * @param trainUsers         number of users, the denominator of novelty's self-information
 * @param similarity         the similarity model for intra-list diversity, if any
 */
public record EvaluationOptions(boolean sampled, int negatives, boolean popularitySampling, long seed,
                                int[] itemPopularity, int trainUsers, Optional<SimilarityModel> similarity) {
    public EvaluationOptions {
        Objects.requireNonNull(itemPopularity, "itemPopularity is null");
        Objects.requireNonNull(similarity, "similarity is null");
    }

    /** Full ranking with nothing extra: enough for accuracy metrics. */
    public static EvaluationOptions fullRanking(int numItems) {
        return new EvaluationOptions(false, 0, false, 0, new int[numItems], 1, Optional.empty());
    }
}
