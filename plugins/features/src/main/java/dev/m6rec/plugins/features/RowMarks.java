package dev.m6rec.plugins.features;

/**
 * Which columns the current row has already set, without clearing an array per row: a column is
 * marked when its stamp equals the row's stamp.
 */
final class RowMarks {
    private final int[] stamps;
    private int stamp;

    RowMarks(int columns) {
        this.stamps = new int[columns];
    }

    /** Forgets all marks (in O(1)). */
    void nextRow() {
        stamp++;
    }

    /** Marks {@code column}; false when the current row had already marked it. */
    boolean mark(int column) {
        if (stamps[column] == stamp) {
            return false;
        }
        stamps[column] = stamp;
        return true;
    }
}
