package dev.m6rec.api.similarity;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link SimilarityModel}s; {@code name()} is what {@code similarity.type} selects. */
public interface SimilarityModelFactory<S extends Record> extends ComponentFactory<S, SimilarityModel> {

    /**
     * Whether a model configured like this needs the interest model's item embeddings, in which
     * case core fits the interest model first.
     */
    default boolean requiresEmbeddings(S settings) {
        return false;
    }
}
