package dev.m6rec.api.data;

/**
 * A compressed-sparse-row view of interactions grouped by user (or by item): row {@code r}'s
 * entries are positions {@code [start(r), end(r))}; {@code column(k)} is the other side's index
 * and {@code source(k)} the interaction's row in the {@link Interactions} it was built from, so
 * ratings and timestamps stay reachable without copying. Within a row, entries are ordered by
 * timestamp (oldest first) when there are timestamps, else in input order.
 *
 * <pre>{@code
 * SparseRows byUser = train.byUser();
 * for (int k = byUser.start(u); k < byUser.end(u); k++) {
 *     int item = byUser.column(k);
 *     float rating = train.rating(byUser.source(k));
 * }
 * }</pre>
 */
public final class SparseRows {
    private final int rows;
    private final int columns;
    private final int[] offsets;
    private final int[] columnIndexes;
    private final int[] sources;

    public SparseRows(int rows, int columns, int[] offsets, int[] columnIndexes, int[] sources) {
        if (offsets.length != rows + 1 || columnIndexes.length != sources.length
                || offsets[rows] != columnIndexes.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.columns = columns;
        this.offsets = offsets;
        this.columnIndexes = columnIndexes;
        this.sources = sources;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int nonZeros() {
        return columnIndexes.length;
    }

    public int start(int row) {
        return offsets[row];
    }

    public int end(int row) {
        return offsets[row + 1];
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public int column(int position) {
        return columnIndexes[position];
    }

    public int source(int position) {
        return sources[position];
    }

    /** The rows with at least one entry, ascending (e.g. the users with held-out items). */
    public int[] nonEmptyRows() {
        int count = 0;
        for (int r = 0; r < rows; r++) {
            if (offsets[r + 1] > offsets[r]) {
                count++;
            }
        }
        int[] out = new int[count];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (offsets[r + 1] > offsets[r]) {
                out[i++] = r;
            }
        }
        return out;
    }

    /** A copy of row {@code row}'s column indexes, in row order. */
    public int[] row(int row) {
        return java.util.Arrays.copyOfRange(columnIndexes, offsets[row], offsets[row + 1]);
    }

    /** The backing offsets (length rows+1). Do not modify: shared for speed. */
    public int[] offsets() {
        return offsets;
    }

    /** The backing column indexes. Do not modify: shared for speed. */
    public int[] columnIndexes() {
        return columnIndexes;
    }
}
