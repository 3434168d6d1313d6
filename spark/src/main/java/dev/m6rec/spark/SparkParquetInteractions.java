package dev.m6rec.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.m6rec.api.DataException;
import dev.m6rec.plugins.spark.ParquetSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a {@code parquet} section on Spark: the named columns (ids as text, ratings as float32,
 * timestamps as epoch seconds), files in name order and rows in file order, so that the rows come in
 * the order a {@code csv} of the same data would give. A row with a missing user or item id, a
 * missing or non-finite rating or a missing timestamp is a bad row, reported as {@code file:N} (N the
 * 1-based row of the file, from Parquet's row index, where a text file has its line): the first one
 * fails the run under {@code on-error: fail}, or each file counts them under {@code skip}.
 *
 * <pre>{@code
 * LoadedInteractions loaded = SparkParquetInteractions.load(spark, settings);
 * }</pre>
 */
public final class SparkParquetInteractions {
    private SparkParquetInteractions() {
    }

    /**
     * @throws DataException for a missing path or column, or the first bad row under {@code on-error: fail}
     */
    public static LoadedInteractions load(SparkSession spark, ParquetSettings settings) {
        Path path = settings.path();
        if (!Files.exists(path)) {
            throw new DataException(path, "does not exist");
        }
        Dataset<Row> raw = spark.read().parquet(path.toString());
        ParquetSettings.Columns c = settings.columns();
        List<String> present = List.of(raw.columns());
        for (String column : new String[] {c.user(), c.item(), c.rating(), c.timestamp()}) {
            if (column != null && !present.contains(column.strip())) {
                throw new DataException(path, "has no column '" + column.strip() + "'; its columns are " + present);
            }
        }
        boolean hasRatings = c.rating() != null;
        boolean hasTimes = c.timestamp() != null;
        List<Column> fields = new ArrayList<>(List.of(col("_metadata.file_path").as("file"),
                col("_metadata.row_index").as("index"), col(c.user().strip()).cast("string").as("user"),
                col(c.item().strip()).cast("string").as("item")));
        fields.add(hasRatings ? col(c.rating().strip()).cast("float").as("rating") : lit(1f).as("rating"));
        fields.add(hasTimes ? col(c.timestamp().strip()).cast("long").as("timestamp") : lit(0L).as("timestamp"));
        Dataset<Row> read = raw.select(fields.toArray(new Column[0]));

        // Files in name order: the row key is the file's rank, then the row's index in the file.
        List<String> files = new ArrayList<>(read.select("file").distinct().as(Encoders.STRING()).collectAsList());
        files.sort(null);
        List<Row> ranks = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            ranks.add(org.apache.spark.sql.RowFactory.create(files.get(f), (long) f));
        }
        Dataset<Row> fileRanks = spark.createDataFrame(ranks, new org.apache.spark.sql.types.StructType()
                .add("file", DataTypes.StringType, false).add("rank", DataTypes.LongType, false));
        Column problem = when(col("user").isNull().or(col("user").equalTo("")), lit("empty user id"))
                .when(col("item").isNull().or(col("item").equalTo("")), lit("empty item id"));
        if (hasRatings) {
            problem = problem.when(col("rating").isNull(), lit("rating is missing or not a number"))
                    .when(col("rating").isNaN().or(col("rating").equalTo(Float.POSITIVE_INFINITY))
                            .or(col("rating").equalTo(Float.NEGATIVE_INFINITY)), lit("rating is not a finite number"));
        }
        if (hasTimes) {
            problem = problem.when(col("timestamp").isNull(), lit("timestamp is missing or not a number"));
        }
        Dataset<Row> checked = read.join(broadcast(fileRanks), "file")
                .withColumn("row", col("rank").multiply(1L << SparkCsvInteractions.FILE_SHIFT).plus(col("index")))
                .withColumn("problem", problem.otherwise(lit(null).cast("string")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> bad = checked.filter(col("problem").isNotNull());
        Map<String, Long> skipped = new LinkedHashMap<>();
        if (settings.onError() == ParquetSettings.OnError.FAIL) {
            List<Row> first = bad.orderBy("row").select("file", "index", "problem").limit(1).collectAsList();
            if (!first.isEmpty()) {
                checked.unpersist();
                Row r = first.get(0);
                throw new DataException(localPath(r.getString(0)), r.getLong(1) + 1, r.getString(2));
            }
        } else {
            List<Row> perFile = bad.groupBy("rank", "file").count().orderBy("rank").collectAsList();
            for (Row r : perFile) {
                skipped.put(localPath(r.getString(1)).getFileName().toString(), r.getLong(2));
            }
        }
        List<Column> columns = new ArrayList<>(List.of(col("row"), col("user"), col("item")));
        if (hasRatings) {
            columns.add(col("rating"));
        }
        if (hasTimes) {
            columns.add(col("timestamp"));
        }
        Dataset<Row> rows = checked.filter(col("problem").isNull()).select(columns.toArray(new Column[0]));
        long size = rows.count();
        if (size == 0) {
            checked.unpersist();
            long n = skipped.values().stream().mapToLong(Long::longValue).sum();
            throw new DataException(path, n > 0 ? "has no valid rows (" + n + " rows skipped)" : "has no rows");
        }
        return new LoadedInteractions(settings.datasetName(), rows, size, hasRatings, hasTimes, skipped, checked::unpersist);
    }

    /** A local path from the URI Spark names a file by ({@code file:/tmp/x.parquet}). */
    private static Path localPath(String uri) {
        return uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) : Path.of(uri);
    }
}
