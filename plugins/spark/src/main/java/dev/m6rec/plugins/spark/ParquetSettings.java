package dev.m6rec.plugins.spark;

import dev.m6rec.api.config.Param;
import java.nio.file.Path;

/**
 * The {@code parquet} loader's section: interactions in Parquet files, their columns named as in
 * the {@code csv} loader's {@code columns}. Read by Spark only (a {@code spark:} section).
 *
 * <pre>{@code
 * data:
 *   type: parquet
 *   path: data/ratings.parquet       # a file or a folder of part files
 *   columns: { user: userId, item: movieId, rating: rating, timestamp: timestamp }
 * }</pre>
 */
public record ParquetSettings(
        @Param(value = "a Parquet file or folder of part files (relative to the config file)", required = true) Path path,
        @Param("the dataset's name (default: the file or folder name without extension)") String name,
        @Param(value = "the interaction columns, by name", required = true) Columns columns,
        @Param(value = "a row with a missing or non-finite field: fail (stop, naming file and row) or skip (drop it"
                + " and count it)", def = "fail") OnError onError) {

    /** {@code columns}: the names of the interaction columns. */
    public record Columns(
            @Param(value = "the column of user ids", required = true) String user,
            @Param(value = "the column of item ids", required = true) String item,
            @Param("the column of ratings (default: none, every rating is 1)") String rating,
            @Param("the column of timestamps, epoch seconds or a timestamp type (default: none, file order)")
            String timestamp) {
    }

    /** What a bad row does, as the file loaders' {@code on-error}. */
    public enum OnError {
        FAIL,
        SKIP
    }

    /** The dataset's name: {@code name}, else the path's last part without extension. */
    public String datasetName() {
        return name != null ? name : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }
}
