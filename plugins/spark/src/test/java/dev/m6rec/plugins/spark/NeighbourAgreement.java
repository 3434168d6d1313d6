package dev.m6rec.plugins.spark;

import dev.m6rec.api.data.ScoredItems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Compares two engines' neighbour lists. "Equal up to ties" means, for every item: the lists have
 * the same length; at every rank the scores agree to float rounding ({@link #TOLERANCE}, relative);
 * and the items scoring above the last kept score (by more than the tolerance) are the same set,
 * so lists may differ only in which items fill the places at the cut, where scores tie. "Identical"
 * means the same items in the same order with bit-equal scores.
 */
final class NeighbourAgreement {
    static final double TOLERANCE = 1e-6;

    private NeighbourAgreement() {
    }

    /** The items whose lists differ beyond ties, each with a line saying how; empty when all agree. */
    static List<String> differencesBeyondTies(int items, IntFunction<ScoredItems> expected,
                                              IntFunction<ScoredItems> actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ScoredItems x = expected.apply(i);
            ScoredItems y = actual.apply(i);
            if (x.size() != y.size()) {
                differences.add("item " + i + ": " + x.size() + " neighbours, found " + y.size());
                continue;
            }
            if (x.size() == 0) {
                continue;
            }
            for (int r = 0; r < x.size(); r++) {
                if (!close(x.score(r), y.score(r))) {
                    differences.add("item " + i + " rank " + r + ": score " + x.score(r) + ", found " + y.score(r));
                    break;
                }
            }
            float cut = x.score(x.size() - 1);
            if (!aboveCut(x, cut).equals(aboveCut(y, cut))) {
                differences.add("item " + i + ": above the cut " + aboveCut(x, cut) + ", found " + aboveCut(y, cut));
            }
        }
        return differences;
    }

    /** How many items' lists are not identical (same items in the same order, bit-equal scores). */
    static int notIdentical(int items, IntFunction<ScoredItems> expected, IntFunction<ScoredItems> actual) {
        int count = 0;
        for (int i = 0; i < items; i++) {
            ScoredItems x = expected.apply(i);
            ScoredItems y = actual.apply(i);
            boolean same = x.size() == y.size();
            for (int r = 0; same && r < x.size(); r++) {
                same = x.item(r) == y.item(r)
                        && Float.floatToRawIntBits(x.score(r)) == Float.floatToRawIntBits(y.score(r));
            }
            count += same ? 0 : 1;
        }
        return count;
    }

    private static boolean close(float a, float b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Set<Integer> aboveCut(ScoredItems list, float cut) {
        Set<Integer> above = new HashSet<>();
        for (int r = 0; r < list.size(); r++) {
            if (list.score(r) > cut && !close(list.score(r), cut)) {
                above.add(list.item(r));
            }
        }
        return above;
    }
}
