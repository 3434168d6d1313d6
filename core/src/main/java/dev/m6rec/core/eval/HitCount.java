package dev.m6rec.core.eval;

/** Counts relevant items among the first {@code n} ranks. */
final class HitCount {
    private HitCount() {
    }

    static int of(boolean[] hits, int n) {
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (hits[r]) {
                count++;
            }
        }
        return count;
    }
}
