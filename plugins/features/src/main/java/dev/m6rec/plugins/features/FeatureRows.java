package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The encoded vectors of the known entities, kept from fit until {@code encodeAll} as compressed
 * sparse rows of (column, value) pairs: most extractors produce a handful of non-zeros out of many
 * columns.
 *
 * <pre>{@code
 * FeatureRows.Builder rows = FeatureRows.builder();
 * rows.add(2, 1f).endRow();          // row 0: column 2 is 1
 * rows.endRow();                     // row 1: all zero
 * FeatureRows known = rows.build();
 * }</pre>
 */
final class FeatureRows {
    private final int[] offsets;
    private final int[] columns;
    private final float[] values;

    private FeatureRows(int[] offsets, int[] columns, float[] values) {
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.values = requireNonNull(values, "values is null");
    }

    static Builder builder() {
        return new Builder();
    }

    int rows() {
        return offsets.length - 1;
    }

    /** Adds row {@code row} into {@code dest} at {@code offset}; the caller zeroes the span first. */
    void scatter(int row, float[] dest, int offset) {
        for (int k = offsets[row]; k < offsets[row + 1]; k++) {
            dest[offset + columns[k]] += values[k];
        }
    }

    /** All rows as a dense row-major {@code rows x width} array. */
    float[] toDense(int width) {
        int rows = rows();
        float[] dense = new float[Math.multiplyExact(rows, width)];
        for (int r = 0; r < rows; r++) {
            scatter(r, dense, r * width);
        }
        return dense;
    }

    /** Appends (column, value) pairs row by row into growable primitive arrays. */
    static final class Builder {
        private int[] offsets = new int[65];
        private int rows;
        private int size;
        private int[] columns = new int[256];
        private float[] values = new float[256];

        private Builder() {
        }

        /** Adds a value to the current row; zeros are skipped. */
        Builder add(int column, float value) {
            if (value == 0f) {
                return this;
            }
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            columns[size] = column;
            values[size] = value;
            size++;
            return this;
        }

        Builder endRow() {
            if (rows + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            rows++;
            offsets[rows] = size;
            return this;
        }

        FeatureRows build() {
            return new FeatureRows(Arrays.copyOf(offsets, rows + 1), Arrays.copyOf(columns, size),
                    Arrays.copyOf(values, size));
        }
    }
}
