package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.prepare.DatasetStatistics;
import java.util.Objects;

/**
 * The outcome of training: the split it was trained on (kept for evaluation), the fitted
 * pipeline, how long each stage took in milliseconds, and the dataset's size as loaded, before
 * {@code filter:} (the split's dataset is the filtered one).
 */
public record TrainedRun(DataSplit split, FittedPipeline pipeline, UserHistories trainHistories,
                         long loadMillis, long fitMillis, DatasetStatistics beforeFilters) {
    public TrainedRun {
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(beforeFilters, "beforeFilters is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(trainHistories, "trainHistories is null");
    }

    /** The same run, with the dataset's size before filters as another trainer loaded it. */
    public TrainedRun withBeforeFilters(DatasetStatistics statistics) {
        return new TrainedRun(split, pipeline, trainHistories, loadMillis, fitMillis, statistics);
    }
}
