package dev.m6rec.plugins.dl4j.vae;

import dev.m6rec.api.data.SparseRows;
import java.util.Arrays;

/**
 * Users' histories as the autoencoders ({@code vae}, {@code ease-dae}) see them: each user's distinct items (sorted), all of
 * weight 1 (ratings are ignored: a rated item is a consumed item), with the row's sum (the
 * multinomial's count) and {@code 1 / l2-norm} (the encoder's input scale) precomputed. Built
 * from the training split for fitting, or from one profile's history for scoring.
 *
 * <pre>{@code
 * MultiHot train = MultiHot.of(data.train().byUser(), numItems);
 * MultiHot one = MultiHot.ofHistory(profile.history(), numItems);   // one row
 * }</pre>
 */
public final class MultiHot {
    /** Row {@code r}'s items are {@code items[offsets[r], offsets[r + 1])}. */
    public final int[] offsets;
    public final int[] items;

    private MultiHot(int[] offsets, int[] items) {
        this.offsets = offsets;
        this.items = items;
    }

    /** One row per row of {@code byUser}. */
    public static MultiHot of(SparseRows byUser, int numItems) {
        int rows = byUser.rows();
        int[] offsets = new int[rows + 1];
        int[] items = new int[byUser.nonZeros()];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            int from = n;
            for (int k = byUser.start(r); k < byUser.end(r); k++) {
                items[n++] = byUser.column(k);
            }
            n = from + distinct(items, from, n, numItems);
            offsets[r + 1] = n;
        }
        return new MultiHot(offsets, Arrays.copyOf(items, n));
    }

    /**
     * A single row from a profile's history; items outside {@code 0..numItems-1} (unknown to the
     * model) and repeats are dropped.
     */
    public static MultiHot ofHistory(int[] history, int numItems) {
        int[] items = history.clone();
        int n = distinct(items, 0, items.length, numItems);
        return new MultiHot(new int[] {0, n}, Arrays.copyOf(items, n));
    }

    public int rows() {
        return offsets.length - 1;
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** The multinomial's count of a row: its number of distinct items. */
    public float count(int row) {
        return length(row);
    }

    /** The value of each of a row's items in the l2-normalised input (as DL4J's L2NormalizeVertex: 1 / sqrt(count)). */
    public float scale(int row) {
        int n = length(row);
        return n == 0 ? 0f : (float) (1 / Math.sqrt(n));
    }

    /** Rows with at least one item. */
    public int[] nonEmptyRows() {
        int count = 0;
        for (int r = 0; r < rows(); r++) {
            count += length(r) > 0 ? 1 : 0;
        }
        int[] out = new int[count];
        for (int r = 0, k = 0; r < rows(); r++) {
            if (length(r) > 0) {
                out[k++] = r;
            }
        }
        return out;
    }

    /** Sorts {@code a[from, to)}, keeps the distinct in-range values at its start; returns how many. */
    private static int distinct(int[] a, int from, int to, int numItems) {
        Arrays.sort(a, from, to);
        int n = from;
        for (int k = from; k < to; k++) {
            int item = a[k];
            if (item >= 0 && item < numItems && (n == from || a[n - 1] != item)) {
                a[n++] = item;
            }
        }
        return n - from;
    }
}
