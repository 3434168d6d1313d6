package dev.m6rec.core.prepare;

import dev.m6rec.api.data.Dataset;
import java.util.Objects;
import java.util.Optional;

/**
 * The dataset after {@link DatasetFilter}, with a one-line account of what was removed for the
 * run's progress output (empty when no filter is configured and the dataset is the loaded one).
 */
public record FilteredDataset(Dataset dataset, Optional<String> summary) {
    public FilteredDataset {
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(summary, "summary is null");
    }
}
