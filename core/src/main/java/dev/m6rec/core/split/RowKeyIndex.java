package dev.m6rec.core.split;

import dev.m6rec.api.data.Interactions;
import java.util.Arrays;
import java.util.Objects;

/**
 * Finds dataset rows by (user, item) or (user, item, timestamp), each row handed out once: an
 * open-addressing table on primitive arrays whose slots hold the first row of a key, with rows of
 * the same key (repeated interactions) chained in row order behind it. Claiming takes the next
 * unclaimed row of the chain, so a key listed twice in a file matches two repeated rows.
 */
final class RowKeyIndex {
    private final Interactions all;
    private final boolean withTime;
    private final int mask;
    /** Per slot: the first row of the slot's key, or -1 for an empty slot. Never changes after building. */
    private final int[] first;
    /** Per slot: the next unclaimed row of the slot's key, or -1 when all are claimed. */
    private final int[] cursor;
    /** Per row: the next row with the same key, or -1. */
    private final int[] next;

    RowKeyIndex(Interactions all, boolean withTime) {
        this.all = Objects.requireNonNull(all, "all is null");
        this.withTime = withTime;
        int n = all.size();
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) * 2;
        this.mask = capacity - 1;
        this.first = new int[capacity];
        Arrays.fill(first, -1);
        this.next = new int[n];
        Arrays.fill(next, -1);
        int[] last = new int[capacity];
        for (int row = 0; row < n; row++) {
            long time = withTime ? all.timestamp(row) : 0;
            int slot = find(all.user(row), all.item(row), time);
            if (first[slot] < 0) {
                first[slot] = row;
            } else {
                next[last[slot]] = row;
            }
            last[slot] = row;
        }
        this.cursor = first.clone();
    }

    /** The next unclaimed row with this key, now claimed; -1 when there is none left. */
    int claim(int user, int item, long time) {
        int slot = find(user, item, withTime ? time : 0);
        int row = cursor[slot];
        if (row >= 0) {
            cursor[slot] = next[row];
        }
        return row;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int find(int user, int item, long time) {
        int slot = hash(user, item, time) & mask;
        while (first[slot] >= 0) {
            int row = first[slot];
            if (all.user(row) == user && all.item(row) == item && (!withTime || all.timestamp(row) == time)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(int user, int item, long time) {
        long h = user * 0x9E3779B97F4A7C15L + item * 0xC2B2AE3D27D4EB4FL + time * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }
}
