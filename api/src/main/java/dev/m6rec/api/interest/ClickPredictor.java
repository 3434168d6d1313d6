package dev.m6rec.api.interest;

/**
 * An optional capability of an {@link InterestModel}: it predicts click probabilities in [0, 1]
 * (a sigmoid click head), so the evaluator can report LogLoss. A model fitted without a click
 * objective answers {@code false} from {@link #predictsClicks()} and LogLoss is reported absent.
 *
 * <pre>{@code
 * if (model instanceof ClickPredictor c && c.predictsClicks()) {
 *     c.predictClicks(profile, items, probabilities);
 * }
 * }</pre>
 */
public interface ClickPredictor {

    /** Whether the fitted model predicts click probabilities at all. */
    default boolean predictsClicks() {
        return true;
    }

    /** Click probabilities of {@code items} for {@code user} into {@code out} (same length). */
    void predictClicks(UserProfile user, int[] items, float[] out);
}
