package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An attribute column filled row by row while entities are still being discovered: rows grow on
 * demand and rows never set are missing (NaN, {@code null}, no tags). One subclass per
 * {@link dev.m6rec.api.data.AttributeKind}; {@code bind(field)} makes the {@link FieldBinding}
 * that fills the column from a field of a delimited file.
 *
 * <pre>{@code
 * AttributeColumnBuilder.Numeric age = new AttributeColumnBuilder.Numeric("age");
 * age.set(3, 24f);
 * AttributeTable users = AttributeColumnBuilder.table(5, List.of(age));   // rows 0-2 and 4 are NaN
 * }</pre>
 */
public abstract class AttributeColumnBuilder {
    private final String name;

    private AttributeColumnBuilder(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public final String name() {
        return name;
    }

    /** The column over {@code rows} rows (at least as many as were set). */
    public abstract AttributeColumn build(int rows);

    /** The table of several columns over {@code rows} rows. */
    public static AttributeTable table(int rows, List<? extends AttributeColumnBuilder> columns) {
        List<AttributeColumn> built = new ArrayList<>(columns.size());
        for (AttributeColumnBuilder column : columns) {
            built.add(column.build(rows));
        }
        return new AttributeTable(rows, built);
    }

    static int grow(int length, int row) {
        return Math.max(row + 1, Math.max(16, length + (length >> 1)));
    }

    /** Numbers; missing is NaN. */
    public static final class Numeric extends AttributeColumnBuilder {
        private float[] values = new float[0];

        public Numeric(String name) {
            super(name);
        }

        public void set(int row, float value) {
            if (row >= values.length) {
                int old = values.length;
                values = Arrays.copyOf(values, grow(old, row));
                Arrays.fill(values, old, values.length, Float.NaN);
            }
            values[row] = value;
        }

        /** Fills the column from a field; an empty field is missing, anything else must be a number. */
        public FieldBinding bind(int field) {
            return new FieldBinding() {
                private float staged;

                @Override
                public void stage(RecordReader reader) {
                    staged = reader.optionalNumber(field, name());
                }

                @Override
                public void commit(int row) {
                    set(row, staged);
                }
            };
        }

        @Override
        public AttributeColumn build(int rows) {
            float[] out = Arrays.copyOf(values, rows);
            if (rows > values.length) {
                Arrays.fill(out, values.length, rows, Float.NaN);
            }
            return new AttributeColumn.Numeric(name(), out);
        }
    }

    /**
     * One String per row, missing is {@code null}: the storage and field binding that
     * {@link Categorical} and {@link Text} share.
     */
    abstract static class SingleString extends AttributeColumnBuilder {
        String[] values = new String[0];

        private SingleString(String name) {
            super(name);
        }

        /** The String to store for {@code value} (not null). */
        abstract String share(String value);

        public final void set(int row, String value) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, grow(values.length, row));
            }
            values[row] = value == null ? null : share(value);
        }

        /** Fills the column from a field (stripped); an empty field is missing. */
        public final FieldBinding bind(int field) {
            return new FieldBinding() {
                private String staged;

                @Override
                public void stage(RecordReader reader) {
                    staged = reader.textOrNull(field);
                }

                @Override
                public void commit(int row) {
                    set(row, staged);
                }
            };
        }
    }

    /** One token per row; repeated tokens share one String. Missing is {@code null}. */
    public static final class Categorical extends SingleString {
        private final Map<String, String> vocabulary = new HashMap<>();

        public Categorical(String name) {
            super(name);
        }

        @Override
        String share(String value) {
            return vocabulary.computeIfAbsent(value, v -> v);
        }

        @Override
        public AttributeColumn build(int rows) {
            return new AttributeColumn.Categorical(name(), Arrays.copyOf(values, rows));
        }
    }

    /** Several tokens per row; repeated tokens share one String. Missing is an empty array. */
    public static final class Tags extends AttributeColumnBuilder {
        private static final String[] NONE = new String[0];
        private final Map<String, String> vocabulary = new HashMap<>();
        private String[][] values = new String[0][];

        public Tags(String name) {
            super(name);
        }

        public void set(int row, String[] tags) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, grow(values.length, row));
            }
            String[] shared = new String[tags.length];
            for (int k = 0; k < tags.length; k++) {
                shared[k] = vocabulary.computeIfAbsent(tags[k], v -> v);
            }
            values[row] = shared;
        }

        /** The tags of a row set so far (empty when none). */
        public String[] get(int row) {
            return row < values.length && values[row] != null ? values[row] : NONE;
        }

        /** Fills the column from a field split at {@code separator}; an empty field has no tags. */
        public FieldBinding bind(int field, String separator) {
            return new FieldBinding() {
                private String[] staged;

                @Override
                public void stage(RecordReader reader) {
                    staged = reader.tokens(field, separator);
                }

                @Override
                public void commit(int row) {
                    set(row, staged);
                }
            };
        }

        @Override
        public AttributeColumn build(int rows) {
            String[][] out = Arrays.copyOf(values, rows);
            for (int r = 0; r < rows; r++) {
                if (out[r] == null) {
                    out[r] = NONE;
                }
            }
            return new AttributeColumn.Tags(name(), out);
        }
    }

    /** Free text per row; missing is {@code null}. */
    public static final class Text extends SingleString {
        public Text(String name) {
            super(name);
        }

        @Override
        String share(String value) {
            return value;
        }

        @Override
        public AttributeColumn build(int rows) {
            return new AttributeColumn.Text(name(), Arrays.copyOf(values, rows));
        }
    }
}
