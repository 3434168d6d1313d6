package dev.m6rec.core.run;

import java.util.List;
import java.util.Objects;

/**
 * The comparison of a run with {@code models:}: a row per model in config order; the first model is
 * the baseline the others are tested against.
 *
 * @param baseline the first model's name
 * @param folds    1 for one split, k for k-fold cross-validation (rows then hold means and sds)
 * @param metrics  the configured metrics, in order (the rows' columns)
 * @param rows     one per model
 */
public record ModelTable(String baseline, int folds, List<String> metrics, List<ModelRow> rows) {
    public ModelTable {
        Objects.requireNonNull(baseline, "baseline is null");
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }
}
