package dev.m6rec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
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
import dev.m6rec.plugins.spark.SparkSessions;
import java.util.HashMap;
import java.util.Iterator;
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
 * <p>A split Spark has no job for ({@code k-fold}, {@code cold-users}, {@code presplit}, the global
 * random {@code ratio}) runs on the driver with core's splitter, after the distributed load and filters.
 * The per-user random orders are seeded per user (see {@link SparkSplits}), so they differ from core's.
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
        if (config.eventsLog().isPresent()) {
            return Optional.of("the events log is merged on this machine");
        }
        ConfiguredComponent data = config.data();
        if (data.settings() instanceof CsvSettings csv) {
            return CsvInteractionFiles.of(csv, data.path()).hasAttributeFiles()
                    ? Optional.of("Spark does not read csv attribute files") : Optional.empty();
        }
        return Optional.of("Spark loads data of type csv, not '" + data.type() + "'");
    }

    @Override
    public Prepared prepare(RunConfig config, DefaultPluginContext context) {
        SparkSession spark = SparkSessions.obtain(config.spark());
        ConfiguredComponent data = config.data();
        LoadedInteractions loaded = SparkCsvInteractions.load(spark, CsvInteractionFiles.of((CsvSettings) data.settings(),
                data.path()));
        try {
            return prepare(loaded, config, context);
        } finally {
            loaded.release().run();
        }
    }

    private static Prepared prepare(LoadedInteractions loaded, RunConfig config, DefaultPluginContext context) {
        String name = loaded.name();
        Dataset<Row> rows = loaded.rows();
        long size = rows.count();
        // The single-machine loader numbers ids in order of first appearance in the file.
        Dataset<Row> userFirst = rows.groupBy("user").agg(min("row").as("first")).cache();
        Dataset<Row> itemFirst = rows.groupBy("item").agg(min("row").as("first")).cache();
        long loadedUsers = userFirst.count();
        long loadedItems = itemFirst.count();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", size);
        counts.put("users", loadedUsers);
        counts.put("items", loadedItems);
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
        List<String> users = survivors(userFirst, kept, "user");
        List<String> items = survivors(itemFirst, kept, "item");
        userFirst.unpersist();
        itemFirst.unpersist();
        Optional<String> summary = Optional.empty();
        if (filtered != null) {
            counts.put("filter.users-dropped", loadedUsers - users.size());
            counts.put("filter.items-dropped", loadedItems - items.size());
            summary = Optional.of(new DatasetFilter(filter).summary(size, filtered.duplicates(),
                    filtered.belowThreshold(), filtered.kCore(), loadedUsers - users.size(), loadedItems - items.size()));
        }

        Optional<Dataset<Row>> parts = splitJob(config, context, kept, name);
        Dataset<Row> labelled = parts.map(p -> kept.join(p, "row")).orElse(kept);
        dev.m6rec.api.data.Dataset dataset;
        byte[] part;
        try {
            Collected c = collect(labelled.orderBy("row"), loaded, users, items, parts.isPresent());
            dataset = new dev.m6rec.api.data.Dataset(name, IdIndex.of(users), IdIndex.of(items), c.interactions,
                    AttributeTable.empty(users.size()), AttributeTable.empty(items.size()), counts);
            part = c.parts;
        } finally {
            kept.unpersist();
        }
        DatasetStatistics before = new DatasetStatistics(name, (int) loadedUsers, (int) loadedItems, size);
        Optional<DataSplit> split = parts.isPresent() ? Optional.of(SplitOrder.partition(dataset, part)) : Optional.empty();
        String splitOn = parts.isPresent() ? "Spark"
                : "this machine (split type '" + config.split().type() + "' has no Spark job here)";
        return new Prepared(before, new FilteredDataset(dataset, summary), split, splitOn);
    }

    /** The ids of {@code column} that still have rows, in order of their first row in the loaded data. */
    private static List<String> survivors(Dataset<Row> first, Dataset<Row> kept, String column) {
        return first.join(kept.select(column).distinct(), column).orderBy("first").select(column)
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    /** The split section as a Spark job of {@code row, part}, or empty when it runs on the driver. */
    private static Optional<Dataset<Row>> splitJob(RunConfig config, DefaultPluginContext context, Dataset<Row> kept,
                                                   String name) {
        ConfiguredComponent split = config.split();
        Record settings = split.settings();
        if (settings instanceof RatioSplitterFactory.Settings ratio) {
            float[] r = ratio.ratios();
            if (ratio.perUser()) {
                return Optional.of(SparkSplits.ratio(kept, r[0], r[1], ratio.order(), seed(context, split)));
            }
            return ratio.order() == RowOrder.TIME ? Optional.of(SparkSplits.globalByTime(kept, r[0], r[1]))
                    : Optional.empty(); // one shuffle of the whole log: core's, on the driver
        }
        if (settings instanceof LeaveOneOutSplitterFactory.Settings loo) {
            return Optional.of(SparkSplits.leaveOneOut(kept, loo.order(), loo.valid(), seed(context, split)));
        }
        if (settings instanceof TemporalSplitterFactory.Settings temporal) {
            return Optional.of(SparkSplits.temporal(kept, TemporalCut.of(temporal, split.path()), name));
        }
        return Optional.empty();
    }

    /** The split's seed, derived from the run's seed and the section as core's splitters derive theirs. */
    private static long seed(DefaultPluginContext context, ConfiguredComponent split) {
        return context.forComponent(split.path()).random("split").nextLong();
    }

    private record Collected(Interactions interactions, byte[] parts) {
    }

    /** Streams the rows to the driver, partition by partition in row order, into primitive columns. */
    private static Collected collect(Dataset<Row> ordered, LoadedInteractions loaded, List<String> users,
                                     List<String> items, boolean withParts) {
        Map<String, Integer> userIndex = index(users);
        Map<String, Integer> itemIndex = index(items);
        int n = Math.toIntExact(ordered.count());
        int[] u = new int[n];
        int[] i = new int[n];
        float[] ratings = loaded.hasRatings() ? new float[n] : null;
        long[] times = loaded.hasTimestamps() ? new long[n] : null;
        byte[] parts = withParts ? new byte[n] : null;
        List<String> names = List.of(ordered.columns());
        int userAt = names.indexOf("user");
        int itemAt = names.indexOf("item");
        int ratingAt = names.indexOf("rating");
        int timeAt = names.indexOf("timestamp");
        int partAt = names.indexOf("part");
        Iterator<Row> it = ordered.toLocalIterator();
        for (int r = 0; r < n; r++) {
            Row row = it.next();
            u[r] = userIndex.get(row.getString(userAt));
            i[r] = itemIndex.get(row.getString(itemAt));
            if (ratings != null) {
                ratings[r] = row.getFloat(ratingAt);
            }
            if (times != null) {
                times[r] = row.getLong(timeAt);
            }
            if (parts != null) {
                parts[r] = row.getByte(partAt);
            }
        }
        return new Collected(Interactions.adopt(users.size(), items.size(), u, i, ratings, times), parts);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            index.put(ids.get(k), k);
        }
        return index;
    }
}
