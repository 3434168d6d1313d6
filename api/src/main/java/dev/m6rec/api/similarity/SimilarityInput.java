package dev.m6rec.api.similarity;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SimilarityModel} is fitted on: training interactions, the encoded item features,
 * and item embeddings from the interest model when it exposes them (fitted first in that case).
 */
public record SimilarityInput(Interactions train, FeatureMatrix itemFeatures, Optional<FeatureMatrix> itemEmbeddings) {
    public SimilarityInput {
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(itemFeatures, "itemFeatures is null");
        Objects.requireNonNull(itemEmbeddings, "itemEmbeddings is null");
    }
}
