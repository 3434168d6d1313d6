package dev.m6rec.core.eval;

import dev.m6rec.core.config.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric named in config: {@code ndcg@10} is metric {@code ndcg} at cut-off 10. Ranking and
 * list metrics need a cut-off; whole-list and pointwise metrics ({@code auc}, {@code rmse}) have
 * none (k = 0).
 */
public record MetricSpec(String metric, int k) {
    /** Per-user metrics of the top-K list. */
    /**
     * The largest cut-off a config may ask for. Evaluation keeps K entries per user, so an
     * unbounded K ({@code ndcg@2000000000}) would exhaust memory before the first user.
     */
    public static final int MAX_K = 10_000;
    public static final List<String> AT_K = List.of("hr", "precision", "recall", "ndcg", "mrr", "map");
    /** Metrics of all users' top-K lists together (beyond accuracy). */
    public static final List<String> LIST_AT_K = List.of("coverage", "gini", "novelty", "ild");
    /** Metrics without a cut-off: ranking AUCs over all items, rating and click errors. */
    public static final List<String> WITHOUT_K = List.of("auc", "gauc", "rmse", "mae", "logloss");

    public MetricSpec {
        Objects.requireNonNull(metric, "metric is null");
    }

    /**
     * Parses {@code name@K} or a cut-off-free name; throws {@link IllegalArgumentException} with a
     * message fit for a config problem ("unknown metric 'ndgc@10'; did you mean 'ndcg'? ...").
     */
    public static MetricSpec parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        String name = at < 0 ? s : s.substring(0, at);
        List<String> all = new ArrayList<>(AT_K);
        all.addAll(LIST_AT_K);
        all.addAll(WITHOUT_K);
        if (!all.contains(name)) {
            String hint = DidYouMean.closest(name, all).map(c -> "; did you mean '" + c + "'?").orElse("");
            throw new IllegalArgumentException("unknown metric '" + text + "'" + hint + " (available: "
                    + String.join(", ", AT_K) + ", " + String.join(", ", LIST_AT_K) + " as name@K; "
                    + String.join(", ", WITHOUT_K) + ")");
        }
        if (WITHOUT_K.contains(name)) {
            if (at >= 0) {
                throw new IllegalArgumentException("metric '" + text + "' takes no cut-off: write " + name);
            }
            return new MetricSpec(name, 0);
        }
        if (at < 0) {
            throw new IllegalArgumentException("metric '" + text + "' needs a cut-off, e.g. " + name + "@10");
        }
        String digits = s.substring(at + 1).replaceFirst("^0+(?=.)", "");
        if (!digits.matches("[0-9]+") || digits.equals("0")) {
            throw new IllegalArgumentException("metric '" + text + "': cut-off must be a positive integer");
        }
        long k = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (k > MAX_K) {
            throw new IllegalArgumentException("metric '" + text + "': cut-off must be at most " + MAX_K
                    + " (the catalogue is not known before loading; at run start a cut-off above it measures the"
                    + " whole ranking)");
        }
        return new MetricSpec(name, (int) k);
    }

    public boolean perUserAtK() {
        return AT_K.contains(metric);
    }

    public boolean listAtK() {
        return LIST_AT_K.contains(metric);
    }

    @Override
    public String toString() {
        return k == 0 ? metric : metric + "@" + k;
    }
}
