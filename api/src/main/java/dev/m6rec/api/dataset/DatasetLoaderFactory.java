package dev.m6rec.api.dataset;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link DatasetLoader}s; {@code name()} is what {@code data.type} selects. */
public interface DatasetLoaderFactory<S extends Record> extends ComponentFactory<S, DatasetLoader> {
}
