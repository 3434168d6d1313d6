package dev.m6rec.runtime;

import java.util.Arrays;

/**
 * One user's most recent live events, at most {@code limit}: item codes and ratings in a ring of
 * primitive arrays that grows by doubling up to the limit, so an append is O(1) amortised and a
 * heavy user never costs more than {@code limit} slots. Thread-safe (appends and snapshots lock it).
 */
final class RecentEvents {
    private final int limit;
    private int[] items;
    private float[] ratings;
    private int start;
    private int size;
    private long version;

    RecentEvents(int limit) {
        this.limit = limit;
        int initial = Math.min(limit, 4);
        this.items = new int[initial];
        this.ratings = new float[initial];
    }

    /** Appends; returns true when the oldest event was pushed out to make room. */
    synchronized boolean add(int item, float rating, long newVersion) {
        version = newVersion;
        if (size == limit) {
            items[start] = item;
            ratings[start] = rating;
            start = (start + 1) % limit;
            return true;
        }
        if (size == items.length) {
            // Only while growing to the limit; the ring is then unrolled, so start is 0.
            int capacity = (int) Math.min(limit, 2L * items.length);
            items = Arrays.copyOf(unrolled(items), capacity);
            ratings = Arrays.copyOf(unrolled(ratings), capacity);
            start = 0;
        }
        items[(start + size) % items.length] = item;
        ratings[(start + size) % items.length] = rating;
        size++;
        return false;
    }

    private int[] unrolled(int[] ring) {
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            out[k] = ring[(start + k) % ring.length];
        }
        return out;
    }

    private float[] unrolled(float[] ring) {
        float[] out = new float[size];
        for (int k = 0; k < size; k++) {
            out[k] = ring[(start + k) % ring.length];
        }
        return out;
    }

    /** The item codes and ratings, oldest first, as one consistent copy. */
    synchronized Snapshot snapshot() {
        return new Snapshot(unrolled(items), unrolled(ratings));
    }

    record Snapshot(int[] items, float[] ratings) {
    }

    synchronized int size() {
        return size;
    }

    synchronized long version() {
        return version;
    }
}
