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
 * @param groups           ascending upper bounds of the user activity groups (training interactions per
 *                         user) that test metrics are also reported for; empty: no groups
 * @param headShare        the share of items, most popular in training first, that make the head when
 *                         a model comparison reports head and tail exposure (the rest is the tail)
 */
public record EvaluationSettings(List<String> metrics, String validationMetric, String ranking, int maxUsers,
                                 int negatives, String sampling, List<Integer> groups, double headShare) {
    public static final double DEFAULT_HEAD_SHARE = 0.2;
    public static final List<String> DEFAULT_METRICS =
            List.of("hr@10", "precision@10", "recall@10", "ndcg@10", "mrr@10");
    /** Groups 0 (cold), 1-5, 6-20, 21-100 and >100 training interactions. */
    public static final List<Integer> DEFAULT_GROUPS = List.of(0, 5, 20, 100);

    public EvaluationSettings {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(validationMetric, "validationMetric is null");
        Objects.requireNonNull(ranking, "ranking is null");
        groups = List.copyOf(groups);
    }

    /** With the default activity groups. */
    public EvaluationSettings(List<String> metrics, String validationMetric, String ranking, int maxUsers,
                              int negatives, String sampling) {
        this(metrics, validationMetric, ranking, maxUsers, negatives, sampling, DEFAULT_GROUPS, DEFAULT_HEAD_SHARE);
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
