package dev.m6rec.api.dataset;

import dev.m6rec.api.ComponentFactory;
import java.util.OptionalInt;

/** Makes {@link DatasetLoader}s; {@code name()} is what {@code data.type} selects. */
public interface DatasetLoaderFactory<S extends Record> extends ComponentFactory<S, DatasetLoader> {

    /**
     * The number of items the loader will produce, when the settings alone decide it (generated
     * data); {@code m6rec config check} then warns about metric cut-offs beyond the catalogue.
     */
    default OptionalInt itemCount(S settings) {
        return OptionalInt.empty();
    }
}
