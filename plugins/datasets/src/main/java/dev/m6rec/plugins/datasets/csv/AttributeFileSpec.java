package dev.m6rec.plugins.datasets.csv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A file of user (or item) attributes: where it is, how it is written, its id column and the
 * columns to read.
 */
record AttributeFileSpec(Path path, DelimitedFormat format, ColumnRef id, List<AttributeColumnSpec> columns) {
    AttributeFileSpec {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(id, "id is null");
        columns = List.copyOf(columns);
    }
}
