package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.ScoredItems;
import java.util.Arrays;

/**
 * Float sums over the items one request reaches, kept in catalogue-sized arrays that one thread
 * reuses: each {@link #add} is one array update, and {@link #drainTop} visits only the items added,
 * so a request costs what it reaches, not the catalogue. Each item's sum is its values added in
 * call order, starting from 0.
 *
 * <p>History recall used to sort one (item, order) key per reach to group the sums: on the
 * MovieLens-100K-sized item-knn serving benchmark (histories of about 100 items, 50 neighbours
 * each) that sort was 73% of a request; the distinct items reached are far fewer than the reaches.
 */
final class ItemSums {
    private final float[] sums;
    private final boolean[] reached;
    private int[] items = new int[64];
    private int size;
    /** The items {@link #drainTop} selects from, with their sums. */
    private int[] candidates = new int[0];
    private float[] candidateSums = new float[0];

    ItemSums(int numItems) {
        sums = new float[numItems];
        reached = new boolean[numItems];
    }

    void add(int item, float value) {
        if (!reached[item]) {
            reached[item] = true;
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }
        sums[item] += value;
    }

    /** How many distinct items were added since the last drain or clear. */
    int size() {
        return size;
    }

    /**
     * Writes into {@code out}, from position {@code n}, the best {@code k} items added since the
     * last drain whose sum is positive and which {@code skip} does not hold, best first, ties to the
     * lower item; returns the position after the last. The sums start from 0 again.
     *
     * <p>Selected in the order the items were reached ({@link ScoredItems#topK(int[], float[], int,
     * int)} breaks ties by item), with no sort of every item reached (that sort was 9% of a served
     * mlp request).
     */
    int drainTop(int k, boolean[] skip, int[] out, int n) {
        if (candidates.length < size) {
            candidates = new int[items.length];
            candidateSums = new float[items.length];
        }
        int m = 0;
        for (int r = 0; r < size; r++) {
            int item = items[r];
            if (sums[item] > 0 && !skip[item]) {
                candidates[m] = item;
                candidateSums[m++] = sums[item];
            }
        }
        ScoredItems top = ScoredItems.topK(candidates, candidateSums, m, k);
        for (int r = 0; r < top.size(); r++) {
            out[n++] = top.item(r);
        }
        clear();
        return n;
    }

    /** Forgets what was added since the last drain (a request that failed part-way leaves some). */
    void clear() {
        for (int r = 0; r < size; r++) {
            sums[items[r]] = 0f;
            reached[items[r]] = false;
        }
        size = 0;
    }
}
