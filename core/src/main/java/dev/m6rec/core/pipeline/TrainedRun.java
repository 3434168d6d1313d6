package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import java.util.Objects;

/**
 * The outcome of training: the split it was trained on (kept for evaluation), the fitted
 * pipeline, and how long each stage took in milliseconds.
 */
public record TrainedRun(DataSplit split, FittedPipeline pipeline, UserHistories trainHistories,
                         long loadMillis, long fitMillis) {
    public TrainedRun {
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(trainHistories, "trainHistories is null");
    }
}
