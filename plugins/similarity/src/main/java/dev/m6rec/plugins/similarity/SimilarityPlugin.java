package dev.m6rec.plugins.similarity;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Item-item similarity models: {@code cosine}, {@code adjusted-cosine}, {@code pearson},
 * {@code jaccard} and {@code euclidean}, each over interactions, item features, interest-model
 * embeddings or a weighted blend of them, with exact all-pairs top-k neighbours.
 *
 * <pre>{@code
 * similarity: { type: cosine, source: interactions, neighbours: 50 }
 * }</pre>
 */
public final class SimilarityPlugin implements Plugin {
    @Override
    public String name() {
        return "similarity";
    }

    @Override
    public List<SimilarityModelFactory<?>> similarityModels() {
        List<SimilarityModelFactory<?>> factories = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            factories.add(new MeasureFactory(measure));
        }
        return List.copyOf(factories);
    }
}
