package dev.m6rec.plugins.datasets.atomic;

import static java.util.Objects.requireNonNull;

import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.file.Path;
import java.util.Set;

/**
 * The validated settings of the {@code atomic} loader.
 *
 * @param ratingRequired    whether a missing rating field is an error (it was named explicitly)
 * @param timestampRequired whether a missing timestamp field is an error (it was named explicitly)
 */
record AtomicSettings(Path folder, String name, String userField, String itemField, String ratingField,
                      boolean ratingRequired, String timestampField, boolean timestampRequired,
                      boolean expandFloatSequences, Set<String> textFields, OnError onError) {
    AtomicSettings {
        requireNonNull(folder, "folder is null");
        requireNonNull(name, "name is null");
        requireNonNull(userField, "userField is null");
        requireNonNull(itemField, "itemField is null");
        requireNonNull(ratingField, "ratingField is null");
        requireNonNull(timestampField, "timestampField is null");
        textFields = Set.copyOf(textFields);
        requireNonNull(onError, "onError is null");
    }
}
