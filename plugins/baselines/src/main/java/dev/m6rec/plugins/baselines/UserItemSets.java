package dev.m6rec.plugins.baselines;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import java.util.Arrays;

/**
 * The distinct items of every user, sorted, in compressed rows: repeated interactions collapse
 * to one, which is the binary user-item matrix {@code X} of EASE and the positive set that BPR's
 * negative sampling must avoid.
 */
final class UserItemSets {
    private final int numItems;
    private final int[] offsets;
    private final int[] items;

    private UserItemSets(int numItems, int[] offsets, int[] items) {
        this.numItems = numItems;
        this.offsets = offsets;
        this.items = items;
    }

    static UserItemSets of(Interactions train) {
        SparseRows byUser = train.byUser();
        int numUsers = byUser.rows();
        int[] offsets = new int[numUsers + 1];
        int[] items = new int[byUser.nonZeros()];
        int size = 0;
        for (int u = 0; u < numUsers; u++) {
            int start = size;
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                items[size++] = byUser.column(k);
            }
            Arrays.sort(items, start, size);
            int distinct = start;
            for (int k = start; k < size; k++) {
                if (k == start || items[k] != items[k - 1]) {
                    items[distinct++] = items[k];
                }
            }
            size = distinct;
            offsets[u + 1] = size;
        }
        return new UserItemSets(train.numItems(), offsets, Arrays.copyOf(items, size));
    }

    int numUsers() {
        return offsets.length - 1;
    }

    int numItems() {
        return numItems;
    }

    int start(int user) {
        return offsets[user];
    }

    int end(int user) {
        return offsets[user + 1];
    }

    int size(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** The backing sorted item array; read-only, shared for speed. */
    int[] items() {
        return items;
    }

    boolean contains(int user, int item) {
        return Arrays.binarySearch(items, offsets[user], offsets[user + 1], item) >= 0;
    }

    /** The transpose: for every item the distinct users that have it, sorted. */
    UserItemSets byItem() {
        int numUsers = numUsers();
        int[] itemOffsets = new int[numItems + 1];
        for (int item : items) {
            itemOffsets[item + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        int[] fill = Arrays.copyOf(itemOffsets, numItems);
        int[] users = new int[items.length];
        for (int u = 0; u < numUsers; u++) {
            for (int k = offsets[u]; k < offsets[u + 1]; k++) {
                users[fill[items[k]]++] = u;
            }
        }
        return new UserItemSets(numUsers, itemOffsets, users);
    }
}
