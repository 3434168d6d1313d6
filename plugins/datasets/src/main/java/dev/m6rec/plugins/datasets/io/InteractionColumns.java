package dev.m6rec.plugins.datasets.io;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Interactions;
import java.util.Arrays;

/**
 * Interaction rows collected while a file streams in, stored in fixed-size chunks of primitive
 * arrays. Unlike a doubling array, growing never copies, and {@link #build} assembles the final
 * columns one at a time, dropping each column's chunks as soon as they are copied: the peak is the
 * final arrays plus one chunked column, not twice (or three times) the data.
 *
 * <pre>{@code
 * InteractionColumns rows = new InteractionColumns(true, true);
 * rows.add(user, item, 4f, 881250949L);
 * Interactions all = rows.build(users.size(), items.size());
 * }</pre>
 */
public final class InteractionColumns {
    /**
     * 16384 rows: a chunk of longs is 128 KB, below half of G1's smallest region (1 MB), so chunks
     * are never "humongous" objects that each take a whole region.
     */
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private final boolean withRatings;
    private final boolean withTimestamps;
    private int[][] users = new int[16][];
    private int[][] items = new int[16][];
    private float[][] ratings;
    private long[][] timestamps;
    private int size;

    public InteractionColumns(boolean withRatings, boolean withTimestamps) {
        this.withRatings = withRatings;
        this.withTimestamps = withTimestamps;
        this.ratings = withRatings ? new float[16][] : null;
        this.timestamps = withTimestamps ? new long[16][] : null;
    }

    public boolean hasRatings() {
        return withRatings;
    }

    public boolean hasTimestamps() {
        return withTimestamps;
    }

    public int size() {
        return size;
    }

    /** Appends one row; the rating or timestamp is ignored when that column is absent. */
    public void add(int user, int item, float rating, long timestamp) {
        int offset = size & MASK;
        if (offset == 0) {
            newChunk();
        }
        int chunk = size >>> CHUNK_BITS;
        users[chunk][offset] = user;
        items[chunk][offset] = item;
        if (withRatings) {
            ratings[chunk][offset] = rating;
        }
        if (withTimestamps) {
            timestamps[chunk][offset] = timestamp;
        }
        size++;
    }

    /**
     * The rows as {@link Interactions} over {@code numUsers x numItems}. Empties this collector,
     * which must not be used afterwards.
     */
    public Interactions build(int numUsers, int numItems) {
        // the biggest column first, while the heap holds only chunks, which a collector can move
        // to make room: a 20M-row long[] needs 160 MB in one piece
        long[] t = null;
        if (withTimestamps) {
            t = new long[size];
            for (int c = 0, done = 0; done < size; c++, done += CHUNK) {
                System.arraycopy(timestamps[c], 0, t, done, Math.min(CHUNK, size - done));
                timestamps[c] = null;
            }
            timestamps = null;
        }
        float[] r = null;
        if (withRatings) {
            r = new float[size];
            for (int c = 0, done = 0; done < size; c++, done += CHUNK) {
                System.arraycopy(ratings[c], 0, r, done, Math.min(CHUNK, size - done));
                ratings[c] = null;
            }
            ratings = null;
        }
        int[] i = new int[size];
        copyInts(items, i);
        items = null;
        int[] u = new int[size];
        copyInts(users, u);
        users = null;
        return Interactions.adopt(numUsers, numItems, u, i, r, t);
    }

    private void copyInts(int[][] chunks, int[] into) {
        for (int c = 0, done = 0; done < size; c++, done += CHUNK) {
            System.arraycopy(chunks[c], 0, into, done, Math.min(CHUNK, size - done));
            chunks[c] = null;
        }
    }

    private void newChunk() {
        if (size == Integer.MAX_VALUE - MASK) {
            throw new DataException("more than " + size + " interactions do not fit in one dataset");
        }
        int chunk = size >>> CHUNK_BITS;
        if (chunk == users.length) {
            users = Arrays.copyOf(users, chunk * 2);
            items = Arrays.copyOf(items, chunk * 2);
            if (withRatings) {
                ratings = Arrays.copyOf(ratings, chunk * 2);
            }
            if (withTimestamps) {
                timestamps = Arrays.copyOf(timestamps, chunk * 2);
            }
        }
        users[chunk] = new int[CHUNK];
        items[chunk] = new int[CHUNK];
        if (withRatings) {
            ratings[chunk] = new float[CHUNK];
        }
        if (withTimestamps) {
            timestamps[chunk] = new long[CHUNK];
        }
    }
}
