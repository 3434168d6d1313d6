package dev.m6rec.plugins.datasets.csv;

import static java.util.Objects.requireNonNull;

import dev.m6rec.plugins.datasets.io.OnError;
import java.util.Optional;

/**
 * The validated settings of the {@code csv} loader; paths are still as written in config.
 *
 * @param rating    the rating column, or {@code null} for implicit feedback (every rating 1)
 * @param timestamp the timestamp column, or {@code null} (file order)
 */
record CsvSettings(String path, String name, DelimitedFormat format, ColumnRef user, ColumnRef item, ColumnRef rating,
                   ColumnRef timestamp, AttributeFileSpec userAttributes, AttributeFileSpec itemAttributes,
                   OnError onError) {
    CsvSettings {
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        requireNonNull(format, "format is null");
        requireNonNull(user, "user is null");
        requireNonNull(item, "item is null");
        requireNonNull(onError, "onError is null");
    }

    Optional<AttributeFileSpec> userFile() {
        return Optional.ofNullable(userAttributes);
    }

    Optional<AttributeFileSpec> itemFile() {
        return Optional.ofNullable(itemAttributes);
    }
}
