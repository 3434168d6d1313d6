package dev.m6rec.api.data;

import java.util.Objects;

/**
 * One named column of an {@link AttributeTable}, row-aligned with an {@link IdIndex}.
 *
 * <pre>{@code
 * if (column instanceof AttributeColumn.Numeric n) {
 *     float age = n.values()[row];
 * }
 * }</pre>
 */
public sealed interface AttributeColumn {

    String name();

    AttributeKind kind();

    int size();

    /** Numbers, NaN where missing. */
    record Numeric(String name, float[] values) implements AttributeColumn {
        public Numeric {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(values, "values is null");
        }

        public AttributeKind kind() {
            return AttributeKind.NUMERIC;
        }

        public int size() {
            return values.length;
        }
    }

    /** One token per row, {@code null} where missing. */
    record Categorical(String name, String[] values) implements AttributeColumn {
        public Categorical {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(values, "values is null");
        }

        public AttributeKind kind() {
            return AttributeKind.CATEGORICAL;
        }

        public int size() {
            return values.length;
        }
    }

    /** Several tokens per row, an empty array where missing. */
    record Tags(String name, String[][] values) implements AttributeColumn {
        public Tags {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(values, "values is null");
        }

        public AttributeKind kind() {
            return AttributeKind.TAGS;
        }

        public int size() {
            return values.length;
        }
    }

    /** Free text per row, {@code null} where missing. */
    record Text(String name, String[] values) implements AttributeColumn {
        public Text {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(values, "values is null");
        }

        public AttributeKind kind() {
            return AttributeKind.TEXT;
        }

        public int size() {
            return values.length;
        }
    }
}
