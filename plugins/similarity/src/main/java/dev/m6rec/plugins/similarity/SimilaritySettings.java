package dev.m6rec.plugins.similarity;

import dev.m6rec.api.config.Param;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The section of every similarity model ({@code similarity}), checked by core against these
 * declarations and by {@link MeasureFactory#check} across them before the model is made.
 *
 * <pre>{@code
 * similarity: { type: cosine, source: interactions, neighbours: 50, shrinkage: 10 }
 * similarity: { type: pearson, source: hybrid, sources: { interactions: 0.7, features: 0.3 } }
 * }</pre>
 */
public record SimilaritySettings(
        @Param(value = "what is compared: interactions (training split), features (encoded item features), "
                + "embeddings (interest model) or hybrid (blend of sources)", def = "interactions") Source source,
        @Param(value = "most similar items kept per item", def = "50", min = 1) int neighbours,
        @Param(value = "interactions: damps a similarity to sim * n / (n + shrinkage), n = users common to both items",
                def = "0", min = 0) float shrinkage,
        @Param(value = "interactions: pairs with fewer common users have similarity 0", def = "1", min = 1)
        int minSupport,
        @Param(value = "interactions: count every interaction as 1 instead of its rating", def = "false")
        boolean binary,
        @Param("hybrid: weight of each blended source, e.g. {interactions: 0.7, features: 0.3}")
        SourceWeights sources) {

    /** {@code sources}: the weight of each source a hybrid blends; a source left out is not blended. */
    public record SourceWeights(
            @Param(value = "hybrid: weight of the similarity over interactions", above = 0) Float interactions,
            @Param(value = "hybrid: weight of the similarity over item features", above = 0) Float features,
            @Param(value = "hybrid: weight of the similarity over interest-model embeddings", above = 0)
            Float embeddings) {

        /** Whether any source is given a weight. */
        boolean any() {
            return interactions != null || features != null || embeddings != null;
        }
    }

    /** The weight of every compared source, in {@link Source} order: the hybrid's blend, or the one source at 1. */
    Map<Source, Float> weights() {
        Map<Source, Float> weights = new EnumMap<>(Source.class);
        if (source != Source.HYBRID) {
            weights.put(source, 1f);
            return Collections.unmodifiableMap(weights);
        }
        put(weights, Source.INTERACTIONS, sources.interactions());
        put(weights, Source.FEATURES, sources.features());
        put(weights, Source.EMBEDDINGS, sources.embeddings());
        return Collections.unmodifiableMap(weights);
    }

    private static void put(Map<Source, Float> weights, Source source, Float weight) {
        if (weight != null) {
            weights.put(source, weight);
        }
    }
}
