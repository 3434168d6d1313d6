package dev.m6rec.core.run;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.prepare.DatasetStatistics;
import java.util.Objects;

/**
 * The data a run used, for the report: the dataset as loaded and after {@code filter:}, and the
 * split's interactions per part (the first fold's when there are {@code folds > 1}).
 */
public record DataSummary(DatasetStatistics beforeFilters, DatasetStatistics afterFilters, int folds,
                          long train, long valid, long test) {
    public DataSummary {
        Objects.requireNonNull(beforeFilters, "beforeFilters is null");
        Objects.requireNonNull(afterFilters, "afterFilters is null");
    }

    public static DataSummary of(DatasetStatistics beforeFilters, DataSplit split, int folds) {
        return new DataSummary(beforeFilters, DatasetStatistics.of(split.dataset()), folds, split.train().size(),
                split.valid().size(), split.test().size());
    }
}
