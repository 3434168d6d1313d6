package dev.m6rec.api.data;

import java.util.Arrays;

/**
 * Item indexes with scores, best first: a top-K list, a neighbour list, a candidate set.
 *
 * <pre>{@code
 * ScoredItems top = ScoredItems.topK(scores, 10, excluded);
 * for (int r = 0; r < top.size(); r++) print(top.item(r), top.score(r));
 * }</pre>
 */
public final class ScoredItems {
    private static final ScoredItems EMPTY = new ScoredItems(new int[0], new float[0]);
    private final int[] items;
    private final float[] scores;

    /** Wraps arrays already ordered best first. */
    public ScoredItems(int[] items, float[] scores) {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        this.items = items;
        this.scores = scores;
    }

    public static ScoredItems empty() {
        return EMPTY;
    }

    /**
     * The {@code k} best indexes of {@code scores}, skipping NaN and indexes where
     * {@code excluded} is true ({@code excluded} may be null). Ties break towards the lower index,
     * so results are deterministic.
     */
    public static ScoredItems topK(float[] scores, int k, boolean[] excluded) {
        return topK(scores, 0, scores.length, k, excluded);
    }

    /**
     * As {@link #topK(float[], int, boolean[])} over {@code scores[offset .. offset + length)}, one
     * row of a block of users' scores, without copying it: item {@code i} is
     * {@code scores[offset + i]} and {@code excluded[i]}. A bounded min-heap on primitive arrays:
     * O(length log k), nothing boxed, the row never sorted.
     */
    public static ScoredItems topK(float[] scores, int offset, int length, int k, boolean[] excluded) {
        if (offset < 0 || length < 0 || offset > scores.length - length) {
            throw new IndexOutOfBoundsException("row [" + offset + ", " + offset + " + " + length + ") of "
                    + scores.length + " scores");
        }
        return select(null, scores, offset, length, k, excluded);
    }

    /**
     * The {@code k} best of the pairs {@code (items[r], scores[r])} for {@code r < length}, best
     * first, skipping NaN; ties break towards the lower item (not the lower position), so that
     * items gathered in any order, such as those one request reached, select the same.
     */
    public static ScoredItems topK(int[] items, float[] scores, int length, int k) {
        if (length < 0 || length > items.length || length > scores.length) {
            throw new IndexOutOfBoundsException(length + " pairs of " + items.length + " items and "
                    + scores.length + " scores");
        }
        return select(items, scores, 0, length, k, null);
    }

    /** The bounded min-heap of both topK forms; item {@code i} is {@code ids[i]}, or {@code i} without ids. */
    private static ScoredItems select(int[] ids, float[] scores, int offset, int length, int k, boolean[] excluded) {
        int n = Math.max(0, Math.min(k, length));
        int[] heapItems = new int[n];
        float[] heapScores = new float[n];
        int size = 0;
        for (int i = 0; i < length; i++) {
            float s = scores[offset + i];
            if (Float.isNaN(s) || (excluded != null && excluded[i])) {
                continue;
            }
            int item = ids == null ? i : ids[i];
            if (size < n) {
                heapItems[size] = item;
                heapScores[size] = s;
                siftUp(heapItems, heapScores, size++);
            } else if (n > 0 && worse(heapItems[0], heapScores[0], item, s)) {
                heapItems[0] = item;
                heapScores[0] = s;
                siftDown(heapItems, heapScores, size);
            }
        }
        // Pop the min-heap into best-first order.
        int[] outItems = new int[size];
        float[] outScores = new float[size];
        for (int pos = size - 1; pos >= 0; pos--) {
            outItems[pos] = heapItems[0];
            outScores[pos] = heapScores[0];
            heapItems[0] = heapItems[pos];
            heapScores[0] = heapScores[pos];
            siftDown(heapItems, heapScores, pos);
        }
        return new ScoredItems(outItems, outScores);
    }

    /** Whether (itemA, scoreA) ranks below (itemB, scoreB). */
    private static boolean worse(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private static void siftUp(int[] items, float[] scores, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!worse(items[pos], scores[pos], items[parent], scores[parent])) {
                return;
            }
            swap(items, scores, pos, parent);
            pos = parent;
        }
    }

    private static void siftDown(int[] items, float[] scores, int size) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int worst = right < size && worse(items[right], scores[right], items[left], scores[left]) ? right : left;
            if (!worse(items[worst], scores[worst], items[pos], scores[pos])) {
                return;
            }
            swap(items, scores, pos, worst);
            pos = worst;
        }
    }

    private static void swap(int[] items, float[] scores, int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    public int[] items() {
        return items.clone();
    }

    public float[] scores() {
        return scores.clone();
    }

    @Override
    public String toString() {
        return "ScoredItems" + Arrays.toString(items);
    }
}
