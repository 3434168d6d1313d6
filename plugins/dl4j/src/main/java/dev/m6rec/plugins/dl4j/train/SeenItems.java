package dev.m6rec.plugins.dl4j.train;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Each user's training items, sorted for binary search, and uniform negative sampling among the
 * items a user has not touched.
 *
 * <pre>{@code
 * SeenItems seen = SeenItems.of(train);
 * int negative = seen.sampleUnseen(user, rng);
 * }</pre>
 */
public final class SeenItems {
    /** Draws before giving up on finding an unseen item for a user who has seen almost all. */
    private static final int MAX_TRIES = 32;
    private final int numItems;
    private final int[] offsets;
    private final int[] items;

    private SeenItems(int numItems, int[] offsets, int[] items) {
        this.numItems = numItems;
        this.offsets = offsets;
        this.items = items;
    }

    public static SeenItems of(Interactions train) {
        SparseRows byUser = train.byUser();
        int[] offsets = byUser.offsets().clone();
        int[] items = byUser.columnIndexes().clone();
        for (int u = 0; u < byUser.rows(); u++) {
            Arrays.sort(items, offsets[u], offsets[u + 1]);
        }
        return new SeenItems(train.numItems(), offsets, items);
    }

    public boolean contains(int user, int item) {
        return Arrays.binarySearch(items, offsets[user], offsets[user + 1], item) >= 0;
    }

    public int count(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** A uniformly drawn item the user has not seen (or, after many misses, any item). */
    public int sampleUnseen(int user, RandomGenerator rng) {
        int item = rng.nextInt(numItems);
        for (int attempt = 1; attempt < MAX_TRIES && contains(user, item); attempt++) {
            item = rng.nextInt(numItems);
        }
        return item;
    }
}
