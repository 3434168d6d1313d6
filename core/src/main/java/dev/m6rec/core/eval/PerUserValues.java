package dev.m6rec.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * The per-user metrics of one evaluation pass (HR, precision, recall, NDCG, MRR, MAP at K): for the
 * counted users in ascending index order, one value per metric. The mean of a metric's column is
 * the metric the pass reports, so tests and reports can go from one to the other.
 *
 * @param users   counted user indices, ascending
 * @param metrics metric names, in the order the evaluator was given them
 * @param values  {@code values[m][i]}: metric {@code m} of user {@code users[i]}
 * @param lists   {@code lists[i]}: the top-K list of user {@code users[i]}, best first; null when the pass
 *                kept no lists (it keeps them when a list metric such as coverage is asked for)
 */
public record PerUserValues(int[] users, List<String> metrics, double[][] values, int[][] lists) {
    public PerUserValues {
        Objects.requireNonNull(users, "users is null");
        metrics = List.copyOf(metrics);
        if (values.length != metrics.size()) {
            throw new IllegalArgumentException(values.length + " value columns for " + metrics.size() + " metrics");
        }
    }

    /** The same users and lists with only those of {@code wanted} that are per-user metrics here, in their order. */
    public PerUserValues only(java.util.Collection<String> wanted) {
        List<String> kept = wanted.stream().filter(metrics::contains).toList();
        double[][] columns = kept.stream().map(m -> values[metrics.indexOf(m)]).toArray(double[][]::new);
        return new PerUserValues(users, kept, columns, lists);
    }

    /** The values of one metric, by position in {@link #users}; empty when the metric is not per user. */
    public java.util.Optional<double[]> of(String metric) {
        int m = metrics.indexOf(metric);
        return m < 0 ? java.util.Optional.empty() : java.util.Optional.of(values[m]);
    }
}
