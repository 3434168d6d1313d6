package dev.m6rec.core.split;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;

/**
 * Cuts a dataset by a part label per interaction row, the last step of every splitter (and of a split
 * computed on a distributed engine and brought back to this machine).
 */
public final class SplitOrder {
    private SplitOrder() {
    }

    /** Cuts the dataset by {@code part[row]}: 0 train, 1 valid, 2 test. */
    public static DataSplit partition(Dataset dataset, byte[] part) {
        int[] counts = new int[3];
        for (byte p : part) {
            counts[p]++;
        }
        int[][] rows = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
        int[] fill = new int[3];
        for (int row = 0; row < part.length; row++) {
            rows[part[row]][fill[part[row]]++] = row;
        }
        Interactions all = dataset.interactions();
        return new DataSplit(dataset, all.select(rows[0]), all.select(rows[1]), all.select(rows[2]));
    }
}
