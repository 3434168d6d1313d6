package dev.m6rec.core.ann;

import java.util.Arrays;

/**
 * A binary heap of graph nodes ordered by a float key with the lowest at the root; of two equal
 * keys the higher node counts as lower, so a search's order is fixed. The graph search keeps its
 * results in one (key = score: the root is the worst result kept) and its candidates in another
 * (key = -score: the root is the best candidate left).
 *
 * <p>Each entry is one long, the key's bits made to sort as signed integers above the node's
 * complement, so that one long comparison orders two entries: the sift loops then load one array
 * and pick a child without a compound branch. With the key and node in two arrays, the heaps were
 * 12% of a served mlp request's profile.
 */
final class NodeHeap {
    private long[] entries;
    private int size;

    NodeHeap(int capacity) {
        entries = new long[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    float topKey() {
        return key(entries[0]);
    }

    int topNode() {
        return node(entries[0]);
    }

    int node(int position) {
        return node(entries[position]);
    }

    void push(int node, float key) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        long entry = entry(node, key);
        int p = size++;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (entry >= entries[parent]) {
                break;
            }
            entries[p] = entries[parent];
            p = parent;
        }
        entries[p] = entry;
    }

    /** Removes the root and returns its node. */
    int pop() {
        int top = node(entries[0]);
        size--;
        if (size > 0) {
            siftDown(entries[size]);
        }
        return top;
    }

    /** Puts {@code node} in the root's place (the root is dropped). */
    void replaceTop(int node, float key) {
        siftDown(entry(node, key));
    }

    private void siftDown(long entry) {
        long[] e = entries;
        int p = 0;
        while (true) {
            int child = 2 * p + 1;
            if (child >= size) {
                break;
            }
            long low = e[child];
            if (child + 1 < size && e[child + 1] < low) {
                child++;
                low = e[child];
            }
            if (low >= entry) {
                break;
            }
            e[p] = low;
            p = child;
        }
        e[p] = entry;
    }

    /**
     * The key's bits in the high half, flipped for negative keys so that they sort as signed
     * integers (-0 taken as 0, as {@code <} takes it), and the node's complement in the low half,
     * so that of equal keys the higher node is the lower entry. Keys are never NaN.
     */
    private static long entry(int node, float key) {
        int bits = Float.floatToRawIntBits(key + 0f);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << 32) | (~node & 0xffffffffL);
    }

    private static float key(long entry) {
        int sortable = (int) (entry >> 32);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }

    private static int node(long entry) {
        return ~(int) entry;
    }
}
