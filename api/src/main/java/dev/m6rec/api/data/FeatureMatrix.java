package dev.m6rec.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dense float32 matrix in row-major order with named columns: row {@code i} is the feature
 * vector of dense index {@code i}. Zero columns is allowed (no features configured).
 *
 * <pre>{@code
 * FeatureMatrix m = new FeatureMatrix(rows, List.of("age", "gender=F", "gender=M"), data);
 * float age = m.get(7, 0);
 * }</pre>
 */
public final class FeatureMatrix {
    private final int rows;
    private final List<String> columnNames;
    private final float[] data;

    public FeatureMatrix(int rows, List<String> columnNames, float[] data) {
        this.rows = rows;
        this.columnNames = List.copyOf(columnNames);
        this.data = Objects.requireNonNull(data, "data is null");
        if ((long) rows * this.columnNames.size() != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected "
                    + rows + "x" + this.columnNames.size());
        }
    }

    /** {@code rows} rows and no columns. */
    public static FeatureMatrix empty(int rows) {
        return new FeatureMatrix(rows, List.of(), new float[0]);
    }

    /** Columns of several matrices side by side (same row count). */
    public static FeatureMatrix concatColumns(int rows, List<FeatureMatrix> parts) {
        List<String> names = new ArrayList<>();
        for (FeatureMatrix part : parts) {
            if (part.rows != rows) {
                throw new IllegalArgumentException("row counts differ: " + part.rows + " vs " + rows);
            }
            names.addAll(part.columnNames);
        }
        int width = names.size();
        float[] data = new float[rows * width];
        int offset = 0;
        for (FeatureMatrix part : parts) {
            int w = part.columns();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(part.data, r * w, data, r * width + offset, w);
            }
            offset += w;
        }
        return new FeatureMatrix(rows, names, data);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columnNames.size();
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public float get(int row, int column) {
        return data[row * columnNames.size() + column];
    }

    /** Copies row {@code row} into {@code dest} at {@code offset}. */
    public void copyRow(int row, float[] dest, int offset) {
        int w = columnNames.size();
        System.arraycopy(data, row * w, dest, offset, w);
    }

    public float[] row(int row) {
        float[] out = new float[columns()];
        copyRow(row, out, 0);
        return out;
    }

    /** The backing row-major array. Do not modify: shared for speed. */
    public float[] data() {
        return data;
    }
}
