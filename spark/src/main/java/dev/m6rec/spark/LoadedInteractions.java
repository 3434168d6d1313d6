package dev.m6rec.spark;

import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Interactions read into Spark: columns {@code row} (long, increasing in file order: files in name
 * order, records in line order), {@code user}, {@code item} (strings), and {@code rating} (float),
 * {@code timestamp} (long) when the data has them; plus the lines each file skipped under
 * {@code on-error: skip}.
 *
 * @param name          the dataset's name, as the single-machine loader gives it
 * @param size          how many rows {@code rows} holds
 * @param skippedByFile lines skipped, by file name, only files that skipped some, in file order
 * @param release       frees what the read cached, once the rows are no longer needed
 */
public record LoadedInteractions(String name, Dataset<Row> rows, long size, boolean hasRatings, boolean hasTimestamps,
                                 Map<String, Long> skippedByFile, Runnable release) {
    public LoadedInteractions {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(rows, "rows is null");
        Objects.requireNonNull(release, "release is null");
        skippedByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skippedByFile));
    }
}
