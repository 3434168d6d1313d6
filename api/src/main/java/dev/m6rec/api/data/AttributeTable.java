package dev.m6rec.api.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named attribute columns for the users (or items) of a dataset; row {@code i} belongs to dense
 * index {@code i}. A dataset without attributes has an empty table of the right row count.
 *
 * <pre>{@code
 * AttributeTable items = new AttributeTable(n, List.of(
 *     new AttributeColumn.Tags("genres", genres),
 *     new AttributeColumn.Numeric("year", years)));
 * items.column("genres").ifPresent(...);
 * Attributes one = items.row(42);
 * }</pre>
 */
public final class AttributeTable {
    private final int rows;
    private final Map<String, AttributeColumn> columns;

    public AttributeTable(int rows, List<AttributeColumn> columns) {
        Map<String, AttributeColumn> byName = new LinkedHashMap<>();
        for (AttributeColumn column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.size()
                        + " rows, expected " + rows);
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column " + column.name());
            }
        }
        this.rows = rows;
        this.columns = Collections.unmodifiableMap(byName);
    }

    public static AttributeTable empty(int rows) {
        return new AttributeTable(rows, List.of());
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public List<AttributeColumn> columns() {
        return List.copyOf(columns.values());
    }

    public Optional<AttributeColumn> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** The attributes of one row, e.g. to treat a known entity like a new one. */
    public Attributes row(int row) {
        Attributes.Builder builder = Attributes.builder();
        for (AttributeColumn column : columns.values()) {
            if (column instanceof AttributeColumn.Numeric c) {
                if (!Float.isNaN(c.values()[row])) {
                    builder.number(c.name(), c.values()[row]);
                }
            } else if (column instanceof AttributeColumn.Categorical c) {
                if (c.values()[row] != null) {
                    builder.category(c.name(), c.values()[row]);
                }
            } else if (column instanceof AttributeColumn.Tags c) {
                builder.tags(c.name(), List.of(c.values()[row]));
            } else if (column instanceof AttributeColumn.Text c && c.values()[row] != null) {
                builder.text(c.name(), c.values()[row]);
            }
        }
        return builder.build();
    }

    /** The rows at the given positions, e.g. after filtering entities out. */
    public AttributeTable select(int[] keep) {
        List<AttributeColumn> selected = new ArrayList<>();
        for (AttributeColumn column : columns.values()) {
            if (column instanceof AttributeColumn.Numeric c) {
                float[] v = new float[keep.length];
                for (int k = 0; k < keep.length; k++) {
                    v[k] = c.values()[keep[k]];
                }
                selected.add(new AttributeColumn.Numeric(c.name(), v));
            } else if (column instanceof AttributeColumn.Categorical c) {
                selected.add(new AttributeColumn.Categorical(c.name(), pick(c.values(), keep)));
            } else if (column instanceof AttributeColumn.Tags c) {
                String[][] v = new String[keep.length][];
                for (int k = 0; k < keep.length; k++) {
                    v[k] = c.values()[keep[k]];
                }
                selected.add(new AttributeColumn.Tags(c.name(), v));
            } else if (column instanceof AttributeColumn.Text c) {
                selected.add(new AttributeColumn.Text(c.name(), pick(c.values(), keep)));
            }
        }
        return new AttributeTable(keep.length, selected);
    }

    private static String[] pick(String[] values, int[] keep) {
        String[] v = new String[keep.length];
        for (int k = 0; k < keep.length; k++) {
            v[k] = values[keep[k]];
        }
        return v;
    }
}
