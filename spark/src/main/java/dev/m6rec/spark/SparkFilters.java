package dev.m6rec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.DedupPolicy;
import dev.m6rec.core.prepare.FilterSettings;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The {@code filter:} section as Spark jobs, with core's {@code DatasetFilter} semantics and order:
 * dedup (first / last by timestamp, ties by file order; max: highest rating, latest of equals), then
 * the rating threshold (compared in float32, as core stores ratings), then the k-core, recounted
 * until no row falls out (the k-core is unique, so this fixed point is the one core's peeling
 * reaches). Whatever each step removed is counted; removing every row is a configuration error, as in core.
 *
 * <p>Input columns: {@code row} (long, increasing with the file order), {@code user}, {@code item},
 * and, when the data has them, {@code rating} and {@code timestamp}. The output keeps the columns.
 *
 * <pre>{@code
 * SparkFilters.Result r = SparkFilters.apply(interactions, config.filter(), "ratings");
 * }</pre>
 */
public final class SparkFilters {
    /** The rows kept and how many each step removed (as core's {@code filter.*} load counts). */
    public record Result(Dataset<Row> kept, long duplicates, long belowThreshold, long kCore) {
    }

    private SparkFilters() {
    }

    /** The filters on {@code interactions}; errors name the dataset as core's do. */
    public static Result apply(Dataset<Row> interactions, FilterSettings settings, String datasetName) {
        List<String> columns = List.of(interactions.columns());
        boolean hasRatings = columns.contains("rating");
        boolean hasTimes = columns.contains("timestamp");
        Dataset<Row> rows = interactions;
        long before = rows.count();
        long duplicates = 0;
        if (settings.dedup() != DedupPolicy.NONE) {
            rows = dedup(rows, settings.dedup(), hasRatings, hasTimes).cache();
            duplicates = before - rows.count();
        }
        long belowThreshold = 0;
        if (settings.ratingThreshold().isPresent()) {
            if (!hasRatings) {
                throw DatasetFilter.noRatings(datasetName);
            }
            long n = rows.count();
            float threshold = (float) settings.ratingThreshold().getAsDouble();
            rows = rows.filter(col("rating").cast("float").geq(lit(threshold))).cache();
            belowThreshold = n - rows.count();
        }
        long kCore = 0;
        if (settings.kCore()) {
            long n = rows.count();
            rows = kCore(rows, settings.minUserInteractions(), settings.minItemInteractions());
            kCore = n - rows.count();
        }
        if (before > 0 && duplicates + belowThreshold + kCore == before) {
            throw new DatasetFilter(settings).removesEverything(datasetName, duplicates, belowThreshold, kCore);
        }
        return new Result(rows, duplicates, belowThreshold, kCore);
    }

    /** One row per (user, item): the first or last in (time, file) order, or the highest rating, latest of equals. */
    private static Dataset<Row> dedup(Dataset<Row> rows, DedupPolicy policy, boolean hasRatings, boolean hasTimes) {
        Column time = hasTimes ? col("timestamp") : lit(0L);
        Column[] order = switch (policy) {
            case FIRST -> new Column[] {time.asc(), col("row").asc()};
            case LAST -> new Column[] {time.desc(), col("row").desc()};
            case MAX -> hasRatings ? new Column[] {col("rating").cast("float").desc(), time.desc(), col("row").desc()}
                    : new Column[] {time.desc(), col("row").desc()};
            case NONE -> throw new AssertionError(policy);
        };
        WindowSpec pair = Window.partitionBy("user", "item").orderBy(order);
        return rows.withColumn("_rank", row_number().over(pair)).filter(col("_rank").equalTo(1)).drop("_rank");
    }

    /** Drops rows of users and items under their minimum, recounting until none falls out. */
    private static Dataset<Row> kCore(Dataset<Row> rows, int minUser, int minItem) {
        Dataset<Row> current = rows.cache();
        long size = current.count();
        while (true) {
            Dataset<Row> next = current
                    .withColumn("_users", count(lit(1)).over(Window.partitionBy("user")))
                    .withColumn("_items", count(lit(1)).over(Window.partitionBy("item")))
                    .filter(col("_users").geq(minUser).and(col("_items").geq(minItem)))
                    .drop("_users", "_items")
                    .localCheckpoint(); // cuts the lineage that grows with every round
            long nextSize = next.count();
            if (nextSize == size) {
                return next;
            }
            current.unpersist();
            current = next;
            size = nextSize;
        }
    }
}
