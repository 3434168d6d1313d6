package dev.m6rec.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Dense user indexes cut into contiguous ranges, one per Spark task. */
final class UserRanges {
    private UserRanges() {
    }

    /** {@code [from, to)} of user indexes. */
    record Range(int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** {@code users} cut into at most {@code parts} non-empty ranges of near-equal size, in order. */
    static List<Range> split(int users, int parts) {
        int n = Math.max(1, Math.min(parts, users));
        List<Range> ranges = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int from = (int) ((long) users * p / n);
            int to = (int) ((long) users * (p + 1) / n);
            if (to > from) {
                ranges.add(new Range(from, to));
            }
        }
        return ranges;
    }
}
