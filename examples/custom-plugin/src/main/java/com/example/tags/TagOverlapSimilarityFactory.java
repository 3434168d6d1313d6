package com.example.tags;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;

/**
 * Makes {@link TagOverlapSimilarity} models: Jaccard similarity of the item feature columns
 * that are "on" for each item, typically the {@code genres=...} columns of {@code tag-count}.
 *
 * <pre>{@code
 * similarity: { type: tag-overlap, column-prefix: "genres=", min-overlap: 1 }
 * }</pre>
 */
public final class TagOverlapSimilarityFactory implements SimilarityModelFactory<TagOverlapSimilarityFactory.Settings> {

    public record Settings(
            @Param(value = "use only item feature columns whose name starts with this, e.g. genres=", def = "")
            String columnPrefix,
            @Param(value = "a column is on for an item when its value is above this", def = "0.0") float threshold,
            @Param(value = "items sharing fewer columns than this have similarity 0", def = "1", min = 1)
            int minOverlap) {
    }

    @Override
    public String name() {
        return "tag-overlap";
    }

    @Override
    public String description() {
        return "Jaccard similarity of items' binarised feature columns (e.g. shared genres)";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public SimilarityModel create(Settings settings, PluginContext context) {
        return new TagOverlapSimilarity(settings, context.componentPath());
    }
}
