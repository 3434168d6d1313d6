package dev.m6rec.plugins.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One partition of MLlib's {@code (id, features)} factor rows as primitive arrays: what an executor
 * sends the driver. Collecting the rows themselves would box every factor value on the driver (a
 * {@code List<Float>} per row; at MovieLens-20M size, tens of millions of objects).
 */
record FactorChunk(int[] ids, float[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The rows of one partition, each {@code rank} values long. */
    static FactorChunk of(Iterator<Row> rows, int rank) {
        int[] ids = new int[16];
        float[] values = new float[16 * rank];
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (n == ids.length) {
                ids = java.util.Arrays.copyOf(ids, 2 * n);
                values = java.util.Arrays.copyOf(values, 2 * n * rank);
            }
            ids[n] = row.getInt(0);
            List<Float> vector = row.getList(1);
            for (int d = 0; d < rank; d++) {
                values[n * rank + d] = vector.get(d);
            }
            n++;
        }
        return new FactorChunk(java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(values, n * rank));
    }

    /** Copies each row into {@code table} (row-major, {@code rank} wide) and marks its id in {@code seen}. */
    void copyInto(float[] table, int rank, int[] seen) {
        for (int r = 0; r < ids.length; r++) {
            System.arraycopy(values, r * rank, table, ids[r] * rank, rank);
            seen[ids[r]] = 1;
        }
    }
}
