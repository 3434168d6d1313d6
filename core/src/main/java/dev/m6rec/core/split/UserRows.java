package dev.m6rec.core.split;

import dev.m6rec.api.data.SparseRows;

/** One user's interaction rows (indexes into the interactions) gathered into a reused buffer. */
final class UserRows {
    private UserRows() {
    }

    /**
     * Fills the first {@code byUser.length(user)} slots with the user's source rows, in the
     * by-user order; returns {@code buffer}, or a larger one when it was too small.
     */
    static int[] gather(SparseRows byUser, int user, int[] buffer) {
        int n = byUser.length(user);
        int[] rows = buffer.length < n ? new int[Math.max(n, buffer.length * 2)] : buffer;
        for (int k = 0; k < n; k++) {
            rows[k] = byUser.source(byUser.start(user) + k);
        }
        return rows;
    }
}
