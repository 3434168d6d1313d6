package dev.m6rec.core.pipeline;

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
    /** The bounded min-heap of {@link #drainTop}: its worst item at the root. */
    private int[] heapItems = new int[0];
    private float[] heapSums = new float[0];

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
     * <p>A bounded min-heap over the items in the order they were reached: the result depends only
     * on the sums, with no sort of every item reached (that sort was 9% of a served mlp request).
     */
    int drainTop(int k, boolean[] skip, int[] out, int n) {
        if (heapItems.length < k) {
            heapItems = new int[k];
            heapSums = new float[k];
        }
        int heap = 0;
        for (int r = 0; r < size; r++) {
            int item = items[r];
            float sum = sums[item];
            if (sum <= 0 || skip[item]) {
                continue;
            }
            if (heap < k) {
                heapItems[heap] = item;
                heapSums[heap] = sum;
                siftUp(heap++);
            } else if (k > 0 && worse(heapItems[0], heapSums[0], item, sum)) {
                heapItems[0] = item;
                heapSums[0] = sum;
                siftDown(heap);
            }
        }
        int end = n + heap;
        // Popping the worst each time fills the result from its end.
        for (int pos = end - 1; heap > 0; pos--) {
            out[pos] = heapItems[0];
            heap--;
            heapItems[0] = heapItems[heap];
            heapSums[0] = heapSums[heap];
            siftDown(heap);
        }
        clear();
        return end;
    }

    /** Forgets what was added since the last drain (a request that failed part-way leaves some). */
    void clear() {
        for (int r = 0; r < size; r++) {
            sums[items[r]] = 0f;
            reached[items[r]] = false;
        }
        size = 0;
    }

    /** Whether (itemA, sumA) ranks below (itemB, sumB): a lower sum, or the same sum and a higher item. */
    private static boolean worse(int itemA, float sumA, int itemB, float sumB) {
        return sumA < sumB || (sumA == sumB && itemA > itemB);
    }

    private void siftUp(int pos) {
        int item = heapItems[pos];
        float sum = heapSums[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!worse(item, sum, heapItems[parent], heapSums[parent])) {
                break;
            }
            heapItems[pos] = heapItems[parent];
            heapSums[pos] = heapSums[parent];
            pos = parent;
        }
        heapItems[pos] = item;
        heapSums[pos] = sum;
    }

    private void siftDown(int heap) {
        if (heap == 0) {
            return;
        }
        int item = heapItems[0];
        float sum = heapSums[0];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= heap) {
                break;
            }
            if (child + 1 < heap && worse(heapItems[child + 1], heapSums[child + 1], heapItems[child], heapSums[child])) {
                child++;
            }
            if (!worse(heapItems[child], heapSums[child], item, sum)) {
                break;
            }
            heapItems[pos] = heapItems[child];
            heapSums[pos] = heapSums[child];
            pos = child;
        }
        heapItems[pos] = item;
        heapSums[pos] = sum;
    }
}
