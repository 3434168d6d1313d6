package dev.m6rec.spark;

import static org.apache.spark.sql.functions.min;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.DistributedPreparation;
import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.DatasetStatistics;
import dev.m6rec.core.prepare.FilterSettings;
import dev.m6rec.core.prepare.FilteredDataset;
import dev.m6rec.core.split.LeaveOneOutSplitterFactory;
import dev.m6rec.core.split.RatioSplitterFactory;
import dev.m6rec.core.split.RowOrder;
import dev.m6rec.core.split.SplitOrder;
import dev.m6rec.core.split.TemporalCut;
import dev.m6rec.core.split.TemporalSplitterFactory;
import dev.m6rec.plugins.datasets.csv.CsvInteractionFiles;
import dev.m6rec.plugins.datasets.csv.CsvSettings;
import dev.m6rec.plugins.spark.ParquetSettings;
import dev.m6rec.plugins.spark.SparkSessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code m6rec run} and {@code tune} with a {@code spark:} section: the data is loaded
 * ({@link SparkCsvInteractions}), filtered ({@link SparkFilters}) and split ({@link SparkSplits}) as
 * Spark jobs, and the result comes back to the driver as the dataset and split the single-machine
 * path gives: users and items numbered in order of first appearance in the loaded file (survivors of
 * the filters keep their relative order, as core's compaction does), rows in file order, the same
 * load counts, filter line and errors. Models that are not distributed then train on the driver.
 *
 * <p>The splits by time ({@code ratio} and {@code leave-one-out} with {@code order: time},
 * {@code temporal}) run as Spark jobs; the others ({@code k-fold}, {@code cold-users},
 * {@code presplit}, every random order) run on the driver with core's splitter, after the
 * distributed load and filters, so that the split never depends on where it was prepared.
 */
public final class SparkDataPreparation implements DistributedPreparation {

    @Override
    public String engine(RunConfig config) {
        String master = System.getProperty("spark.master",
                config.spark().map(SparkSettings::master).orElse(SparkSettings.DEFAULT_MASTER));
        return "Spark (" + master + ")";
    }

    @Override
    public Optional<String> unsupported(RunConfig config) {
        if (insideATask()) {
            // A tuning trial that runs as a Spark task loads its data where it runs: a task cannot start jobs.
            return Optional.of("inside a Spark task, which cannot start Spark jobs");
        }
        if (config.eventsLog().isPresent()) {
            return Optional.of("the events log is merged on this machine");
        }
        ConfiguredComponent data = config.data();
        if (data.settings() instanceof CsvSettings csv) {
            return CsvInteractionFiles.of(csv, data.path()).hasAttributeFiles()
                    ? Optional.of("Spark does not read csv attribute files") : Optional.empty();
        }
        if (data.settings() instanceof ParquetSettings) {
            return Optional.empty();
        }
        return Optional.of("Spark loads data of type csv or parquet, not '" + data.type() + "'");
    }

    /** Whether this thread runs a Spark task (in an executor, or in local mode's task threads). */
    static boolean insideATask() {
        return org.apache.spark.TaskContext.get() != null;
    }

    @Override
    public Prepared prepare(RunConfig config, DefaultPluginContext context) {
        ConfiguredComponent data = config.data();
        SparkSession spark = SparkSessions.obtain(config.spark());
        LoadedInteractions loaded = data.settings() instanceof ParquetSettings parquet
                ? SparkParquetInteractions.load(spark, parquet)
                : SparkCsvInteractions.load(spark, CsvInteractionFiles.of((CsvSettings) data.settings(), data.path()));
        try {
            return prepare(loaded, config);
        } finally {
            loaded.release().run();
        }
    }

    private static Prepared prepare(LoadedInteractions loaded, RunConfig config) {
        String name = loaded.name();
        Dataset<Row> rows = loaded.rows();
        long size = loaded.size();
        // The single-machine loader numbers ids in order of first appearance in the file.
        List<String> loadedUsers = inOrderOfFirstRow(rows, "user");
        List<String> loadedItems = inOrderOfFirstRow(rows, "item");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", size);
        counts.put("users", (long) loadedUsers.size());
        counts.put("items", (long) loadedItems.size());
        counts.put("cold-users", 0L);
        counts.put("cold-items", 0L);
        counts.put("skipped-lines", loaded.skippedByFile().values().stream().mapToLong(Long::longValue).sum());
        loaded.skippedByFile().forEach((file, n) -> counts.put("skipped-lines:" + file, n));

        FilterSettings filter = config.filter();
        SparkFilters.Result filtered = filter.active() ? SparkFilters.apply(rows, filter, name) : null;
        if (filtered != null) {
            counts.put("filter.duplicates", filtered.duplicates());
            counts.put("filter.below-threshold", filtered.belowThreshold());
            counts.put("filter.k-core", filtered.kCore());
        }
        Dataset<Row> kept = (filtered != null ? filtered.kept() : rows).cache();
        try {
            Optional<Dataset<Row>> parts = splitJob(config, kept, name);
            DrivenRows driven = DrivenRows.collect(parts.map(p -> kept.join(p, "row")).orElse(kept), loaded.hasRatings(),
                    loaded.hasTimestamps(), loadedUsers, loadedItems);
            Optional<String> summary = Optional.empty();
            if (filtered != null) {
                long usersDropped = loadedUsers.size() - driven.users().size();
                long itemsDropped = loadedItems.size() - driven.items().size();
                counts.put("filter.users-dropped", usersDropped);
                counts.put("filter.items-dropped", itemsDropped);
                summary = Optional.of(new DatasetFilter(filter).summary(size, filtered.duplicates(),
                        filtered.belowThreshold(), filtered.kCore(), usersDropped, itemsDropped));
            }
            dev.m6rec.api.data.Dataset dataset = new dev.m6rec.api.data.Dataset(name, IdIndex.of(driven.users()),
                    IdIndex.of(driven.items()), driven.interactions(), AttributeTable.empty(driven.users().size()),
                    AttributeTable.empty(driven.items().size()), counts);
            DatasetStatistics before = new DatasetStatistics(name, loadedUsers.size(), loadedItems.size(), size);
            Optional<DataSplit> split = parts.isPresent() ? Optional.of(SplitOrder.partition(dataset, driven.parts()))
                    : Optional.empty();
            String splitOn = parts.isPresent() ? "Spark" : "this machine with core's splitter ('"
                    + config.split().type() + "'" + (randomOrder(config.split().settings()) ? " with order: random" : "")
                    + " has no Spark job)";
            return new Prepared(before, new FilteredDataset(dataset, summary), split, splitOn);
        } finally {
            kept.unpersist();
        }
    }

    private static boolean randomOrder(Record split) {
        return split instanceof RatioSplitterFactory.Settings r && r.order() == RowOrder.RANDOM
                || split instanceof LeaveOneOutSplitterFactory.Settings l && l.order() == RowOrder.RANDOM;
    }

    /** The distinct values of {@code column}, in order of their first row. */
    private static List<String> inOrderOfFirstRow(Dataset<Row> rows, String column) {
        List<Row> firsts = new java.util.ArrayList<>(rows.groupBy(column).agg(min("row")).collectAsList());
        firsts.sort(java.util.Comparator.comparingLong(r -> r.getLong(1)));
        return firsts.stream().map(r -> r.getString(0)).toList();
    }

    /**
     * The split section as a Spark job of {@code row, part}, or empty when it runs on the driver: a
     * split Spark has no job for, and every random order. SparkSplits' random orders are seeded per
     * user, not core's one generator, and the same config must give the same split wherever it is
     * prepared (a tuning trial run as a Spark task prepares its data on the executor, without Spark);
     * the rows are on the driver anyway, so core's splitter draws there.
     */
    private static Optional<Dataset<Row>> splitJob(RunConfig config, Dataset<Row> kept, String name) {
        ConfiguredComponent split = config.split();
        Record settings = split.settings();
        if (settings instanceof RatioSplitterFactory.Settings ratio && ratio.order() == RowOrder.TIME) {
            float[] r = ratio.ratios();
            return Optional.of(ratio.perUser() ? SparkSplits.ratio(kept, r[0], r[1], RowOrder.TIME, 0)
                    : SparkSplits.globalByTime(kept, r[0], r[1]));
        }
        if (settings instanceof LeaveOneOutSplitterFactory.Settings loo && loo.order() == RowOrder.TIME) {
            return Optional.of(SparkSplits.leaveOneOut(kept, RowOrder.TIME, loo.valid(), 0));
        }
        if (settings instanceof TemporalSplitterFactory.Settings temporal) {
            return Optional.of(SparkSplits.temporal(kept, TemporalCut.of(temporal, split.path()), name));
        }
        return Optional.empty();
    }

}
