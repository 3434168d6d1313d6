package com.example.tags;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
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
public final class TagOverlapSimilarityFactory implements SimilarityModelFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .stringParam("column-prefix", "", "use only item feature columns whose name starts with this, e.g. genres=")
            .floatParam("threshold", 0.0, "a column is on for an item when its value is above this")
            .intParam("min-overlap", 1, "items sharing fewer columns than this have similarity 0").atLeast(1)
            .build();

    @Override
    public String name() {
        return "tag-overlap";
    }

    @Override
    public String description() {
        return "Jaccard similarity of items' binarised feature columns (e.g. shared genres)";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public SimilarityModel create(ComponentConfig config, PluginContext context) {
        return new TagOverlapSimilarity(config);
    }
}
