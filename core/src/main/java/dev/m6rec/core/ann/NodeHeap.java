package dev.m6rec.core.ann;

import java.util.Arrays;

/**
 * A binary heap of graph nodes on two primitive arrays, ordered by a float key with the lowest at
 * the root; of two equal keys the higher node counts as lower, so a search's order is fixed. The
 * graph search keeps its results in one (key = score: the root is the worst result kept) and its
 * candidates in another (key = -score: the root is the best candidate left).
 */
final class NodeHeap {
    private float[] keys;
    private int[] nodes;
    private int size;

    NodeHeap(int capacity) {
        keys = new float[Math.max(1, capacity)];
        nodes = new int[keys.length];
    }

    int size() {
        return size;
    }

    float topKey() {
        return keys[0];
    }

    int topNode() {
        return nodes[0];
    }

    int node(int position) {
        return nodes[position];
    }

    void push(int node, float key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int p = size++;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (!lower(key, node, keys[parent], nodes[parent])) {
                break;
            }
            keys[p] = keys[parent];
            nodes[p] = nodes[parent];
            p = parent;
        }
        keys[p] = key;
        nodes[p] = node;
    }

    /** Removes the root and returns its node. */
    int pop() {
        int top = nodes[0];
        size--;
        if (size > 0) {
            siftDown(keys[size], nodes[size]);
        }
        return top;
    }

    /** Puts {@code node} in the root's place (the root is dropped). */
    void replaceTop(int node, float key) {
        siftDown(key, node);
    }

    private void siftDown(float key, int node) {
        int p = 0;
        while (true) {
            int child = 2 * p + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && lower(keys[child + 1], nodes[child + 1], keys[child], nodes[child])) {
                child++;
            }
            if (!lower(keys[child], nodes[child], key, node)) {
                break;
            }
            keys[p] = keys[child];
            nodes[p] = nodes[child];
            p = child;
        }
        keys[p] = key;
        nodes[p] = node;
    }

    private static boolean lower(float key, int node, float otherKey, int otherNode) {
        return key < otherKey || (key == otherKey && node > otherNode);
    }
}
