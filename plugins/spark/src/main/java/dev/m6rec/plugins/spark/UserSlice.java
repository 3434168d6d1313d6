package dev.m6rec.plugins.spark;

import java.io.Serializable;

/**
 * What one tile of the all-pairs pass receives from one user: the entries of the user's row that
 * fall in the tile's query items and those in its candidate items, each sorted by item.
 */
record UserSlice(int user, int[] queryItems, float[] queryValues, int[] candidateItems, float[] candidateValues)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
