package com.example.tags;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.List;

/**
 * An example plugin written against {@code m6rec-api} alone: a feature extractor that encodes a
 * tag attribute ({@code tag-count}) and a similarity model that compares items by the tags they
 * share ({@code tag-overlap}). M6-Rec finds it through
 * {@code META-INF/services/dev.m6rec.api.Plugin}, on the class path or in a plugins directory.
 *
 * <pre>{@code
 * features:
 *   item: [ { type: tag-count, field: genres, max-tags: 30 } ]
 * similarity: { type: tag-overlap, column-prefix: "genres=" }
 * }</pre>
 */
public final class TagPlugin implements Plugin {
    @Override
    public String name() {
        return "example";
    }

    @Override
    public List<FeatureExtractorFactory<?>> featureExtractors() {
        return List.of(new TagCountExtractorFactory());
    }

    @Override
    public List<SimilarityModelFactory<?>> similarityModels() {
        return List.of(new TagOverlapSimilarityFactory());
    }
}
