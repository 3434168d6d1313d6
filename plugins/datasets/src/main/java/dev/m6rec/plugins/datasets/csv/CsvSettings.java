package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code csv} loader's section. Paths arrive resolved against the config file's folder; what
 * the values mean together (positions without a header, the attribute columns, which are a
 * free-form mapping because their keys are the file's columns) is checked by the factory.
 *
 * <pre>{@code
 * data:
 *   type: csv
 *   path: data/ratings.tsv
 *   delimiter: tab
 *   columns: { user: userId, item: movieId, rating: rating }
 *   item-attributes: { path: data/movies.csv, delimiter: ",", id: movieId, columns: { title: text } }
 * }</pre>
 */
public record CsvSettings(
        @Param(value = "the interactions file (relative to the config file)", required = true) Path path,
        @Param("the dataset's name (default: the file name without extension)") String name,
        @Param(value = "between fields: any characters, or tab / \\t, space", def = ",") String delimiter,
        @Param(value = "whether the first line names the columns", def = "true") boolean header,
        @Param(value = "fields may be quoted with \" as in RFC 4180 (single-character delimiters)", def = "true")
        boolean quoting,
        @Param(value = "the files' character set", def = "UTF-8") String encoding,
        @Param("the interaction columns: names (header) or 0-based positions") Columns columns,
        @Param("a user attribute file") AttributeFile userAttributes,
        @Param("an item attribute file") AttributeFile itemAttributes,
        @Param(value = OnError.DESCRIPTION, def = "fail") OnError onError) {

    /** {@code columns}: where the interaction fields are. */
    public record Columns(
            @Param(value = "the column of user ids", required = true) String user,
            @Param(value = "the column of item ids", required = true) String item,
            @Param("the column of ratings (default: none, every rating is 1)") String rating,
            @Param("the column of timestamps (default: none, file order)") String timestamp) {
    }

    /** {@code user-attributes} or {@code item-attributes}; unset format keys take the interactions file's. */
    public record AttributeFile(
            @Param("the attribute file, relative to the config file") Path path,
            @Param("the column of ids") String id,
            @Param("the attribute columns to read, e.g. { age: numeric }") Map<String, Object> columns,
            @Param("between fields (default: the interactions file's)") String delimiter,
            @Param("whether the first line names the columns (default: the interactions file's)") Boolean header,
            @Param("whether fields may be quoted (default: the interactions file's)") Boolean quoting,
            @Param("the file's character set (default: the interactions file's)") String encoding) {

        /** Whether the section was given at all. */
        boolean given() {
            return path != null || id != null || !columns.isEmpty() || delimiter != null || header != null
                    || quoting != null || encoding != null;
        }
    }
}
