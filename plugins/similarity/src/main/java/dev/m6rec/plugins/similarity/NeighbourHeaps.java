package dev.m6rec.plugins.similarity;

import java.util.Arrays;

/**
 * The best candidates seen so far for every item: one bounded min-heap of {@code k} entries per
 * item on flat primitive arrays, the worst entry at the root. Ordering is by score, then by lower
 * index, so results never depend on the order candidates arrive in. Only scores {@code > 0} are
 * kept. Not thread-safe: each worker owns one and they are merged at the end.
 */
final class NeighbourHeaps {
    private final int k;
    private final int[] items;
    private final float[] scores;
    private final int[] sizes;
    /** Per owner, the lowest score that can still enter; a tie at the floor needs the index check. */
    private final float[] floors;

    NeighbourHeaps(int n, int k) {
        this.k = k;
        this.items = new int[Math.multiplyExact(n, k)];
        this.scores = new float[items.length];
        this.sizes = new int[n];
        this.floors = new float[n];
        Arrays.fill(floors, Float.MIN_VALUE);
    }

    /**
     * The floors, indexed by owner, shared for a fast pre-check in hot loops: a candidate whose
     * score is below {@code floors()[owner]} would be rejected by {@link #offer}.
     */
    float[] floors() {
        return floors;
    }

    /** Offers {@code candidate} with {@code score} to {@code owner}'s heap. */
    void offer(int owner, int candidate, float score) {
        if (!(score > 0f)) {
            return;
        }
        int base = owner * k;
        int size = sizes[owner];
        if (size < k) {
            items[base + size] = candidate;
            scores[base + size] = score;
            siftUp(base, size);
            sizes[owner] = size + 1;
            if (size + 1 == k) {
                floors[owner] = scores[base];
            }
            return;
        }
        if (worse(candidate, score, items[base], scores[base])) {
            return;
        }
        items[base] = candidate;
        scores[base] = score;
        siftDown(base);
        floors[owner] = scores[base];
    }

    /**
     * Makes every owner reject candidates below {@code bounds[owner]}, a score its k-th best
     * neighbour is known to reach. Only callers that pre-check against {@link #floors} honour it.
     */
    void raiseFloors(float[] bounds) {
        for (int i = 0; i < floors.length; i++) {
            floors[i] = Math.max(floors[i], bounds[i]);
        }
    }

    /** Empties {@code owner}'s heap. */
    void clear(int owner) {
        sizes[owner] = 0;
        floors[owner] = Float.MIN_VALUE;
    }

    /** Appends {@code owner}'s entries as sort keys (see {@link #key}) to {@code out} at {@code at}; returns the new end. */
    int appendKeys(int owner, long[] out, int at) {
        int base = owner * k;
        for (int e = 0; e < sizes[owner]; e++) {
            out[at++] = key(items[base + e], scores[base + e]);
        }
        return at;
    }

    /** A key whose ascending order is descending score, then ascending index; for scores > 0. */
    static long key(int item, float score) {
        return ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(score)) << 32) | item;
    }

    static int keyItem(long key) {
        return (int) key;
    }

    static float keyScore(long key) {
        return Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
    }

    /** Whether (itemA, scoreA) ranks below (itemB, scoreB). */
    private static boolean worse(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private void siftUp(int base, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!worse(items[base + pos], scores[base + pos], items[base + parent], scores[base + parent])) {
                return;
            }
            swap(base + pos, base + parent);
            pos = parent;
        }
    }

    private void siftDown(int base) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= k) {
                return;
            }
            int right = left + 1;
            int worst = right < k && worse(items[base + right], scores[base + right], items[base + left], scores[base + left])
                    ? right : left;
            if (!worse(items[base + worst], scores[base + worst], items[base + pos], scores[base + pos])) {
                return;
            }
            swap(base + pos, base + worst);
            pos = worst;
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
