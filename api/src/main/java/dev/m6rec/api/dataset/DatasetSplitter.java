package dev.m6rec.api.dataset;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;

/**
 * Cuts a dataset into train, validation and test (chosen by {@code split.type}). Seeded: the
 * same dataset and seed always give the same split.
 *
 * <pre>{@code
 * split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
 * }</pre>
 */
public interface DatasetSplitter {

    DataSplit split(Dataset dataset);
}
