package dev.m6rec.api.dataset;

import dev.m6rec.api.data.Dataset;

/**
 * Reads a dataset (chosen by {@code data.type}). Malformed input fails with a
 * {@link dev.m6rec.api.DataException} naming file and line, unless the loader's configuration
 * says to skip and count bad lines.
 *
 * <pre>{@code
 * data: { type: movielens, path: data/ml-100k }
 * }</pre>
 */
public interface DatasetLoader {

    Dataset load();
}
