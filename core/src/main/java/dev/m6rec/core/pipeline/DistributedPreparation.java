package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.prepare.DatasetStatistics;
import dev.m6rec.core.prepare.FilteredDataset;
import java.util.Objects;
import java.util.Optional;

/**
 * Loading, the {@code filter:} section and the split run on a distributed engine, with the result
 * brought back to this machine as the same dataset and split the single-machine path gives (id
 * spaces, row order, the filter line). Core has no engine: the {@code m6rec-spark} module provides
 * one through {@code META-INF/services}, found only when it is on the class path, and
 * {@link PipelineTrainer} asks it only when the config has a {@code spark:} section.
 *
 * <pre>{@code
 * Optional<String> why = preparation.unsupported(config);      // empty: it can prepare this config
 * DistributedPreparation.Prepared p = preparation.prepare(config, context);
 * }</pre>
 */
public interface DistributedPreparation {
    /** What runs the preparation, for the run's output: {@code Spark (local[*])}. */
    String engine(RunConfig config);

    /**
     * Why this config's data is prepared on this machine instead (a data type the engine cannot
     * load, attribute files, an events log), or empty when the engine prepares it.
     */
    Optional<String> unsupported(RunConfig config);

    /**
     * Loads, filters and, when the engine has the configured split, splits.
     *
     * @throws dev.m6rec.api.DataException   for bad input rows, naming file and line
     * @throws dev.m6rec.api.ConfigException as the single-machine path throws them
     */
    Prepared prepare(RunConfig config, DefaultPluginContext context);

    /**
     * @param loaded   the loaded dataset's size, before the filters
     * @param filtered the filtered dataset on this machine, with the filter line when filters ran
     * @param split    the split, or empty when the configured split runs on this machine (e.g. k-fold)
     * @param splitOn  where the split ran, for the run's output
     */
    record Prepared(DatasetStatistics loaded, FilteredDataset filtered, Optional<DataSplit> split, String splitOn) {
        public Prepared {
            Objects.requireNonNull(loaded, "loaded is null");
            Objects.requireNonNull(filtered, "filtered is null");
            Objects.requireNonNull(split, "split is null");
            Objects.requireNonNull(splitOn, "splitOn is null");
        }
    }
}
