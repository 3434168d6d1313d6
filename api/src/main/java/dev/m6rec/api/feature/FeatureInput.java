package dev.m6rec.api.feature;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.Objects;

/**
 * What a {@link FeatureExtractor} learns from: which side it encodes, that side's ids and
 * attributes, and the training interactions (for behaviour features). Never validation or test
 * data, so nothing leaks into evaluation.
 */
public record FeatureInput(EntityKind kind, IdIndex ids, AttributeTable attributes, Interactions train) {
    public FeatureInput {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(ids, "ids is null");
        Objects.requireNonNull(attributes, "attributes is null");
        Objects.requireNonNull(train, "train is null");
    }
}
