package dev.m6rec.core.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric named in config: {@code ndcg@10} is metric {@code ndcg} at cut-off 10. Ranking
 * metrics need a cut-off; whole-list metrics ({@code auc}, {@code rmse}) have none (k = 0).
 */
public record MetricSpec(String metric, int k) {
    /** Metrics computed from the top-K list. */
    public static final List<String> AT_K = List.of("hr", "precision", "recall", "ndcg", "mrr", "map");

    public MetricSpec {
        Objects.requireNonNull(metric, "metric is null");
    }

    /**
     * Parses {@code name@K}; throws {@link IllegalArgumentException} with a message fit for a
     * config problem ("unknown metric 'ndgc'; did you mean 'ndcg'? available: [...]").
     */
    public static MetricSpec parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        String name = at < 0 ? s : s.substring(0, at);
        if (!AT_K.contains(name)) {
            String hint = dev.m6rec.core.config.DidYouMean.closest(name, AT_K)
                    .map(c -> "; did you mean '" + c + "'?").orElse("");
            throw new IllegalArgumentException("unknown metric '" + text + "'" + hint + " (available: "
                    + String.join(", ", AT_K) + ", each as name@K)");
        }
        if (at < 0) {
            throw new IllegalArgumentException("metric '" + text + "' needs a cut-off, e.g. " + name + "@10");
        }
        int k;
        try {
            k = Integer.parseInt(s.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metric '" + text + "': cut-off must be a positive integer");
        }
        if (k < 1) {
            throw new IllegalArgumentException("metric '" + text + "': cut-off must be a positive integer");
        }
        return new MetricSpec(name, k);
    }

    @Override
    public String toString() {
        return metric + "@" + k;
    }
}
