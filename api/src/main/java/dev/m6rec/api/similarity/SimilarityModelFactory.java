package dev.m6rec.api.similarity;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.config.ComponentConfig;

/** Makes {@link SimilarityModel}s; {@code name()} is what {@code similarity.type} selects. */
public interface SimilarityModelFactory extends ComponentFactory<SimilarityModel> {

    /**
     * Whether a model configured like this needs the interest model's item embeddings, in which
     * case core fits the interest model first.
     */
    default boolean requiresEmbeddings(ComponentConfig config) {
        return false;
    }
}
