package dev.m6rec.plugins.datasets.csv;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.AttributeKind;

/**
 * One attribute column read from an attribute file.
 *
 * @param source    where the values are
 * @param name      the attribute's name in the dataset
 * @param kind      how values are read
 * @param separator between tags ({@link AttributeKind#TAGS} only)
 */
record AttributeColumnSpec(ColumnRef source, String name, AttributeKind kind, String separator) {
    AttributeColumnSpec {
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(separator, "separator is null");
    }
}
