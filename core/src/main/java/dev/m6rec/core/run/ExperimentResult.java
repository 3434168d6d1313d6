package dev.m6rec.core.run;

import dev.m6rec.api.data.IdIndex;
import java.util.List;
import java.util.Objects;

/**
 * What a run with {@code models:} (or a {@code k-fold} split) produced: the comparison table, and
 * on one split each model's outcome with its per-user values, the user ids and each user's training
 * interactions, for {@code per-user.tsv}; and the data it ran on, for the report. Over k folds the
 * outcomes are empty: the table holds the means and sds.
 */
public record ExperimentResult(ModelTable table, List<ModelOutcome> outcomes, IdIndex users,
                               int[] trainingInteractions, DataSummary data) {
    public ExperimentResult {
        Objects.requireNonNull(table, "table is null");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(users, "users is null");
        Objects.requireNonNull(trainingInteractions, "trainingInteractions is null");
        Objects.requireNonNull(data, "data is null");
    }
}
