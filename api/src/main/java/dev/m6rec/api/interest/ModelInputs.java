package dev.m6rec.api.interest;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Objects;
import java.util.Optional;

/**
 * What an interest model sees at fit and again at load: the id-space sizes, the encoded user and
 * item features (rows = dense indexes), and the run's fitted similarity model when one is
 * configured (used by neighbourhood models such as {@code item-knn}).
 */
public record ModelInputs(int numUsers, int numItems, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
                          Optional<SimilarityModel> similarity) {
    public ModelInputs {
        Objects.requireNonNull(userFeatures, "userFeatures is null");
        Objects.requireNonNull(itemFeatures, "itemFeatures is null");
        Objects.requireNonNull(similarity, "similarity is null");
    }
}
