package dev.m6rec.api.data;

import java.util.Objects;

/**
 * A dataset cut into training, validation and test interactions over the same id spaces.
 * {@code valid} is empty when the split makes none.
 *
 * <pre>{@code
 * DataSplit split = splitter.split(dataset);
 * model.fit(...split.train()...);
 * }</pre>
 */
public record DataSplit(Dataset dataset, Interactions train, Interactions valid, Interactions test) {
    public DataSplit {
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(valid, "valid is null");
        Objects.requireNonNull(test, "test is null");
    }
}
