package dev.m6rec.api.feature;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.Objects;

/**
 * What a {@link FeatureExtractor} learns from: which side it encodes, that side's ids and
 * attributes, the training interactions (for behaviour features), and the other side's attributes
 * (e.g. the genres of the items a user touched, for a user's category profile). Never validation
 * or test data, so nothing leaks into evaluation.
 *
 * @param counterpartAttributes the items' attributes when encoding users, the users' when encoding items
 */
public record FeatureInput(EntityKind kind, IdIndex ids, AttributeTable attributes, Interactions train,
                           AttributeTable counterpartAttributes) {
    public FeatureInput {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(ids, "ids is null");
        Objects.requireNonNull(attributes, "attributes is null");
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(counterpartAttributes, "counterpartAttributes is null");
    }

    /** An input without the other side's attributes. */
    public FeatureInput(EntityKind kind, IdIndex ids, AttributeTable attributes, Interactions train) {
        this(kind, ids, attributes, train,
                AttributeTable.empty(kind == EntityKind.USER ? train.numItems() : train.numUsers()));
    }
}
