package dev.m6rec.api.dataset;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link DatasetSplitter}s; {@code name()} is what {@code split.type} selects. */
public interface DatasetSplitterFactory<S extends Record> extends ComponentFactory<S, DatasetSplitter> {
}
