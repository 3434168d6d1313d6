package dev.m6rec.plugins.dl4j.train;

/**
 * The scores of chosen items picked out of a full-catalogue score row, for the models whose
 * {@code score(user, items, out)} scores everything anyway ({@code vae}, {@code ease-dae}).
 *
 * <pre>{@code
 * ItemSubset.gather(allScores, items, out);   // out[k] = allScores[items[k]]
 * }</pre>
 */
public final class ItemSubset {
    private ItemSubset() {
    }

    /** {@code out[k] = all[items[k]]}; an item outside {@code 0..all.length-1} or a length mismatch is a bug. */
    public static void gather(float[] all, int[] items, float[] out) {
        if (items.length != out.length) {
            throw new IllegalArgumentException("items and out differ in length");
        }
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            if (item < 0 || item >= all.length) {
                throw new IllegalArgumentException("item index " + item + " outside 0.." + (all.length - 1));
            }
            out[k] = all[item];
        }
    }
}
