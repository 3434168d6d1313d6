package dev.m6rec.plugins.spark;

import dev.m6rec.plugins.similarity.SparseAllPairsJob;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Consecutive item columns of an all-pairs job as primitive arrays, what the driver ships to one
 * Spark partition: items {@code firstItem + c} for each column {@code c}, whose users are
 * {@code users[offsets[c] .. offsets[c+1])} with {@code values} beside them.
 */
record ItemColumnChunk(int firstItem, int[] offsets, int[] users, float[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The job's columns cut into chunks of at most about {@code maxEntries} entries (a column is never split). */
    static List<ItemColumnChunk> of(SparseAllPairsJob job, int maxEntries) {
        int[] offsets = job.offsets();
        List<ItemColumnChunk> chunks = new ArrayList<>();
        int from = 0;
        while (from < job.items()) {
            int to = from + 1;
            while (to < job.items() && offsets[to + 1] - offsets[from] <= maxEntries) {
                to++;
            }
            int[] local = new int[to - from + 1];
            for (int c = 0; c < local.length; c++) {
                local[c] = offsets[from + c] - offsets[from];
            }
            chunks.add(new ItemColumnChunk(from, local, Arrays.copyOfRange(job.userIndexes(), offsets[from], offsets[to]),
                    Arrays.copyOfRange(job.values(), offsets[from], offsets[to])));
            from = to;
        }
        return chunks;
    }

    /** The entries as {@code (user << 32 | item, value)}, made one at a time as Spark reads them. */
    Iterator<Tuple2<Long, Float>> entries() {
        return new Iterator<>() {
            private int column;
            private int next;

            @Override
            public boolean hasNext() {
                return next < users.length;
            }

            @Override
            public Tuple2<Long, Float> next() {
                if (next >= users.length) {
                    throw new NoSuchElementException();
                }
                while (offsets[column + 1] <= next) {
                    column++;
                }
                int p = next++;
                return new Tuple2<>(((long) users[p] << 32) | (firstItem + column), values[p]);
            }
        };
    }
}
