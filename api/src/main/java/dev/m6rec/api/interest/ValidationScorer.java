package dev.m6rec.api.interest;

/**
 * Scores a model on the validation split with the run's validation metric (higher is better),
 * for early stopping and tuning. Core evaluates with seen items excluded, as for the test split.
 *
 * <pre>{@code
 * double ndcg = data.validation().score(this);
 * }</pre>
 */
public interface ValidationScorer {

    /** The metric's name, e.g. {@code ndcg@10}. */
    String metric();

    /** Whether there is a validation split at all; when false {@link #score} returns NaN. */
    boolean available();

    double score(InterestModel model);

    /** For a fit without a validation split (benchmarks, tests): not available, every score NaN. */
    static ValidationScorer none(String metric) {
        return new ValidationScorer() {
            @Override
            public String metric() {
                return metric;
            }

            @Override
            public boolean available() {
                return false;
            }

            @Override
            public double score(InterestModel model) {
                return Double.NaN;
            }
        };
    }
}
