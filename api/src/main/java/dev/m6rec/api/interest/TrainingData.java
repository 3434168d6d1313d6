package dev.m6rec.api.interest;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Interactions;
import java.util.Objects;

/**
 * What {@link InterestModel#fit} learns from: the split (train the model on {@code split.train()}
 * only), the model inputs (features, similarity), a validation scorer for early stopping, and the
 * user profiles as the pipeline will later pass them to {@code score}.
 */
public record TrainingData(DataSplit split, ModelInputs inputs, ValidationScorer validation) {
    public TrainingData {
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(validation, "validation is null");
    }

    public Interactions train() {
        return split.train();
    }
}
