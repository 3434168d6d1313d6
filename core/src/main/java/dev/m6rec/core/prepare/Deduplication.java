package dev.m6rec.core.prepare;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;

/**
 * Keeps one row per (user, item) pair according to a {@link DedupPolicy}. Works user by user on
 * the by-user view (each user's rows oldest first, ties in file order), with one stamp and one
 * winner slot per item, so it needs no sort and no map: O(rows + items).
 */
final class Deduplication {
    private Deduplication() {
    }

    /**
     * Clears {@code keep[row]} for every row that loses to another row of the same pair; rows
     * already cleared are not looked at. Returns how many rows it cleared.
     */
    static int dropRepeats(Interactions all, DedupPolicy policy, boolean[] keep) {
        if (policy == DedupPolicy.NONE) {
            return 0;
        }
        SparseRows byUser = all.byUser();
        int[] stamp = new int[all.numItems()];
        int[] winner = new int[all.numItems()];
        int dropped = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            int mark = u + 1;
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                int row = byUser.source(k);
                if (!keep[row]) {
                    continue;
                }
                int item = byUser.column(k);
                if (stamp[item] != mark) {
                    stamp[item] = mark;
                    winner[item] = row;
                    continue;
                }
                // Rows arrive oldest first, so the newcomer is the later one.
                int previous = winner[item];
                boolean newcomerWins = switch (policy) {
                    case FIRST -> false;
                    case LAST -> true;
                    case MAX -> all.rating(row) >= all.rating(previous);
                    case NONE -> throw new AssertionError(policy);
                };
                if (newcomerWins) {
                    keep[previous] = false;
                    winner[item] = row;
                } else {
                    keep[row] = false;
                }
                dropped++;
            }
        }
        return dropped;
    }
}
