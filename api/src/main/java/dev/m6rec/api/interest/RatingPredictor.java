package dev.m6rec.api.interest;

/**
 * An optional capability of an {@link InterestModel}: it predicts explicit ratings, so the
 * evaluator can report RMSE. A model that implements this interface but was fitted without a
 * rating objective answers {@code false} from {@link #predictsRatings()}, and the evaluator then
 * reports RMSE as absent rather than scoring meaningless numbers.
 *
 * <pre>{@code
 * if (model instanceof RatingPredictor p && p.predictsRatings()) {
 *     float[] predicted = new float[items.length];
 *     p.predictRatings(profile, items, predicted);
 * }
 * }</pre>
 */
public interface RatingPredictor {

    /** Whether the fitted model predicts ratings at all; only meaningful after fit/load. */
    default boolean predictsRatings() {
        return true;
    }

    /** Predicted ratings of {@code items} for {@code user} into {@code out} (same length), on the data's scale. */
    void predictRatings(UserProfile user, int[] items, float[] out);

    /** The predicted rating of one item; prefer the batch form on hot paths. */
    default float predictRating(UserProfile user, int item) {
        float[] out = new float[1];
        predictRatings(user, new int[] {item}, out);
        return out[0];
    }
}
