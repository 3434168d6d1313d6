package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.io.OnError;

/**
 * {@code data: { type: movielens, path: data/ml-100k }}: a MovieLens folder in the 100K
 * ({@code u.data}), 1M ({@code ratings.dat}) or CSV ({@code ratings.csv}: ml-latest, 20M, 25M)
 * layout, detected from the files it holds. Dense indexes follow first appearance in the ratings
 * file; users and movies known only from the attribute files come after, without interactions.
 */
public final class MovieLensLoaderFactory implements DatasetLoaderFactory {

    @Override
    public String name() {
        return "movielens";
    }

    @Override
    public String description() {
        return "a MovieLens folder (100K, 1M, or the CSV layout of ml-latest/20M/25M) with user and movie attributes";
    }

    @Override
    public ConfigSchema schema() {
        return OnError.declare(ConfigSchema.builder()
                        .stringParam("path", null, "the MovieLens folder (relative to the config file)").required()
                        .stringParam("layout", "auto", "auto (detect from the ratings file), 100k, 1m or csv")
                        .oneOf("auto", "100k", "1m", "csv")
                        .booleanParam("tags", true, "read tags.csv (CSV layout) into the item column 'tags'"))
                .build();
    }

    @Override
    public DatasetLoader create(ComponentConfig config, PluginContext context) {
        return new MovieLensLoader(context.resolve(config.getString("path")), config.getString("layout"),
                config.getBoolean("tags"), OnError.of(config));
    }
}
