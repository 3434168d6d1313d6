package dev.m6rec.core.prepare;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;

/**
 * The k-core of the user-item graph: the largest set of rows in which every user has at least
 * {@code minUser} rows and every item at least {@code minItem}. Removing a sparse user can push
 * an item under its minimum and so on; rather than re-counting in passes until nothing changes,
 * entities are peeled off a work queue as they fall under their minimum, each row removed once:
 * O(rows + users + items), and the result is the same fixed point (the k-core is unique).
 */
final class KCore {
    private KCore() {
    }

    /**
     * Clears {@code keep[row]} for every kept row outside the core and returns how many it cleared.
     * A minimum of 0 or 1 leaves that side unconstrained.
     */
    static int peel(Interactions all, int minUser, int minItem, boolean[] keep) {
        int numUsers = all.numUsers();
        int numItems = all.numItems();
        int[] userCount = new int[numUsers];
        int[] itemCount = new int[numItems];
        for (int row = 0; row < keep.length; row++) {
            if (keep[row]) {
                userCount[all.user(row)]++;
                itemCount[all.item(row)]++;
            }
        }
        // Entities are numbered users first, then items, so one int queue holds both sides.
        int[] queue = new int[numUsers + numItems];
        boolean[] queued = new boolean[numUsers + numItems];
        int tail = 0;
        for (int u = 0; u < numUsers; u++) {
            if (userCount[u] > 0 && userCount[u] < minUser) {
                queued[u] = true;
                queue[tail++] = u;
            }
        }
        for (int i = 0; i < numItems; i++) {
            if (itemCount[i] > 0 && itemCount[i] < minItem) {
                queued[numUsers + i] = true;
                queue[tail++] = numUsers + i;
            }
        }
        SparseRows byUser = all.byUser();
        SparseRows byItem = all.byItem();
        int removed = 0;
        for (int head = 0; head < tail; head++) {
            int entity = queue[head];
            boolean isUser = entity < numUsers;
            SparseRows rows = isUser ? byUser : byItem;
            int index = isUser ? entity : entity - numUsers;
            for (int k = rows.start(index); k < rows.end(index); k++) {
                int row = rows.source(k);
                if (!keep[row]) {
                    continue;
                }
                keep[row] = false;
                removed++;
                if (isUser) {
                    int item = all.item(row);
                    if (--itemCount[item] > 0 && itemCount[item] < minItem && !queued[numUsers + item]) {
                        queued[numUsers + item] = true;
                        queue[tail++] = numUsers + item;
                    }
                } else {
                    int user = all.user(row);
                    if (--userCount[user] > 0 && userCount[user] < minUser && !queued[user]) {
                        queued[user] = true;
                        queue[tail++] = user;
                    }
                }
            }
        }
        return removed;
    }
}
