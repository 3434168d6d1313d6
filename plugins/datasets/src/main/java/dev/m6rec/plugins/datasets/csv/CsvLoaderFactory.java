package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.io.OnError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data: { type: csv, path: ratings.tsv, delimiter: tab, columns: { user: userId, item: itemId } }}:
 * any delimited file with a column mapping, and optional attribute files:
 *
 * <pre>{@code
 * data:
 *   type: csv
 *   path: data/ratings.csv
 *   columns: { user: userId, item: movieId, rating: rating, timestamp: timestamp }
 *   item-attributes:
 *     path: data/movies.csv
 *     id: movieId
 *     columns: { title: text, year: numeric, genres: { type: tags, separator: "|" } }
 * }</pre>
 *
 * Without a header ({@code header: false}) columns are 0-based positions and attribute columns
 * need a name: {@code columns: { 3: { type: numeric, name: age } }}.
 */
public final class CsvLoaderFactory implements DatasetLoaderFactory {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "any delimited file with a column mapping, plus optional user and item attribute files";
    }

    @Override
    public ConfigSchema schema() {
        return OnError.declare(ConfigSchema.builder()
                        .stringParam("path", null, "the interactions file (relative to the config file)").required()
                        .stringParam("name", null, "the dataset's name (default: the file name without extension)")
                        .stringParam("delimiter", ",", "between fields: any characters, or tab / \\t, space")
                        .booleanParam("header", true, "whether the first line names the columns")
                        .booleanParam("quoting", true, "fields may be quoted with \" as in RFC 4180 (single-character delimiters)")
                        .stringParam("encoding", "UTF-8", "the files' character set")
                        .mapParam("columns", "user, item and optional rating, timestamp: column names (header) or 0-based positions")
                        .required()
                        .mapParam("user-attributes", "a user attribute file: path, id, columns { name: numeric|categorical|tags|text }")
                        .mapParam("item-attributes", "an item attribute file: path, id, columns { name: numeric|categorical|tags|text }"))
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        CsvSettingsParser.parse(config, problems);
        return problems;
    }

    @Override
    public DatasetLoader create(ComponentConfig config, PluginContext context) {
        List<ConfigProblem> problems = new ArrayList<>();
        CsvSettings settings = CsvSettingsParser.parse(config, problems);
        if (settings == null) {
            throw new ConfigException(problems);
        }
        return new CsvLoader(settings, context::resolve);
    }
}
