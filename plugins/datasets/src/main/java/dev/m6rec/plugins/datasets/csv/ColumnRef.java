package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.plugins.datasets.io.HeaderColumns;

/**
 * A column of a delimited file as config names it: by header name, or by 0-based position when
 * the file has no header.
 *
 * @param name  the header name, or {@code null} when by position
 * @param index the 0-based position, or -1 when by name
 */
record ColumnRef(String name, int index) {

    static ColumnRef named(String name) {
        return new ColumnRef(name, -1);
    }

    static ColumnRef at(int index) {
        return new ColumnRef(null, index);
    }

    /** The field position in records of a file with this header (or none). */
    int resolve(HeaderColumns header) {
        return name == null ? index : header.require(name);
    }

    @Override
    public String toString() {
        return name == null ? Integer.toString(index) : name;
    }
}
