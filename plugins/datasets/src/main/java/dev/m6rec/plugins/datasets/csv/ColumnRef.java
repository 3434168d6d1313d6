package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.config.Problems;
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

    /** The column {@code text} names at {@code key} (a name, or a position without header); null after a problem. */
    static ColumnRef parse(String key, String text, boolean header, Problems problems) {
        String column = text.strip();
        if (header) {
            if (column.isEmpty()) {
                problems.add(key, "expected a column name (was empty)");
                return null;
            }
            return named(column);
        }
        Integer index = position(column);
        if (index == null) {
            problems.add(key, "expected a 0-based column index because header is false (was '" + text + "')");
            return null;
        }
        return at(index);
    }

    /** A 0-based position written as digits, or null. */
    static Integer position(String text) {
        return text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
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
