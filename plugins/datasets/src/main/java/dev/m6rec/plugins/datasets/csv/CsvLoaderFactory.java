package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;

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
public final class CsvLoaderFactory implements DatasetLoaderFactory<CsvSettings> {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "any delimited file with a column mapping, plus optional user and item attribute files";
    }

    @Override
    public Class<CsvSettings> settingsType() {
        return CsvSettings.class;
    }

    @Override
    public void check(CsvSettings settings, Problems problems) {
        CsvLayout.of(settings, problems);
    }

    /** The header lines hold every column the section names (read only when the file has a header). */
    @Override
    public void checkInputs(CsvSettings settings, Problems problems) {
        CsvLayout layout = CsvLayout.of(settings, problems);
        if (layout != null) {
            CsvHeaderCheck.check(layout, problems);
        }
    }

    @Override
    public DatasetLoader create(CsvSettings settings, PluginContext context) {
        CsvLayout layout = CsvLayout.of(settings, (key, message) -> {
            throw new IllegalStateException("unchecked csv settings: " + key + ": " + message);
        });
        return new CsvLoader(layout, context.progress());
    }
}
