package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Path;

/**
 * {@code data: { type: movielens, path: data/ml-100k }}: a MovieLens folder in the 100K
 * ({@code u.data}), 1M ({@code ratings.dat}) or CSV ({@code ratings.csv}: ml-latest, 20M, 25M)
 * layout, detected from the files it holds. Dense indexes follow first appearance in the ratings
 * file; users and movies known only from the attribute files come after, without interactions.
 *
 * <pre>{@code
 * data: { type: movielens, path: data/ml-25m, layout: csv, tags: false, on-error: skip, encoding: UTF-8 }
 * }</pre>
 */
public final class MovieLensLoaderFactory implements DatasetLoaderFactory<MovieLensLoaderFactory.Settings> {

    /** The {@code movielens} section; {@code path} arrives resolved against the config file's folder. */
    public record Settings(
            @Param(value = "the MovieLens folder (relative to the config file)", required = true) Path path,
            @Param(value = "auto (detect from the ratings file), 100k, 1m or csv", def = "auto",
                    oneOf = {"auto", "100k", "1m", "csv"}) String layout,
            @Param(value = "read tags.csv (CSV layout) into the item column 'tags'", def = "true") boolean tags,
            @Param(value = OnError.DESCRIPTION, def = "fail") OnError onError,
            @Param("the files' character set (default: the layout's, ISO-8859-1 for 100k and 1m, UTF-8 for csv)")
            String encoding) {
    }

    @Override
    public void check(Settings settings, Problems problems) {
        if (settings.encoding() != null && !supported(settings.encoding())) {
            problems.add("encoding", "unknown character set '" + settings.encoding() + "'");
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "movielens";
    }

    @Override
    public String description() {
        return "a MovieLens folder (100K, 1M, or the CSV layout of ml-latest/20M/25M) with user and movie attributes";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public DatasetLoader create(Settings settings, PluginContext context) {
        return new MovieLensLoader(settings.path(), settings.layout(), settings.tags(), settings.onError(),
                settings.encoding() == null ? null : Charset.forName(settings.encoding()), context.progress());
    }
}
