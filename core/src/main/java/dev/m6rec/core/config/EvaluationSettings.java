package dev.m6rec.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code evaluation:} section: which metrics to report on valid and test, the metric that
 * drives early stopping and tuning, and the ranking protocol.
 *
 * @param metrics          metric names such as {@code ndcg@10}
 * @param validationMetric the metric used for early stopping and tuning
 * @param ranking          {@code full} (all items, seen items excluded) or {@code sampled}
 * @param maxUsers         evaluate at most this many users (0 = all), sampled with the run seed
 * @param negatives        sampled ranking: negatives per held-out item
 * @param sampling         sampled ranking: {@code uniform} or {@code popularity}
 */
public record EvaluationSettings(List<String> metrics, String validationMetric, String ranking, int maxUsers,
                                 int negatives, String sampling) {
    public static final List<String> DEFAULT_METRICS =
            List.of("hr@10", "precision@10", "recall@10", "ndcg@10", "mrr@10");

    public EvaluationSettings {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(validationMetric, "validationMetric is null");
        Objects.requireNonNull(ranking, "ranking is null");
    }

    public static EvaluationSettings defaults() {
        return new EvaluationSettings(DEFAULT_METRICS, "ndcg@10", "full", 0, 100, "uniform");
    }

    public boolean sampled() {
        return ranking.equals("sampled");
    }

    public boolean popularitySampling() {
        return sampling.equals("popularity");
    }
}
