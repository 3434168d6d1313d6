package dev.m6rec.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Grouping by user or item sorts each group by time on its own; the groups must be exactly what a
 * stable sort of all rows by time, then bucketing by key, gives (equal timestamps in input order).
 */
class InteractionsGroupingTest {
    private static Interactions shuffled(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        int numUsers = 40;
        int numItems = 25;
        int[] users = new int[rows];
        int[] items = new int[rows];
        long[] times = new long[rows];
        for (int r = 0; r < rows; r++) {
            users[r] = random.nextInt(numUsers - 1);   // the last user has no rows
            items[r] = random.nextInt(numItems);
            times[r] = random.nextInt(30);   // many ties, out of order
        }
        return new Interactions(numUsers, numItems, users, items, null, times);
    }

    /** The reference: every row by time (stable), then bucketed by {@code user ? user : item}. */
    private static List<List<Integer>> reference(Interactions rows, boolean byUser, int keys) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingLong(rows::timestamp));
        List<List<Integer>> groups = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            groups.add(new ArrayList<>());
        }
        for (int r : order) {
            groups.get(byUser ? rows.user(r) : rows.item(r)).add(r);
        }
        return groups;
    }

    private static List<List<Integer>> groups(SparseRows view) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int k = 0; k < view.rows(); k++) {
            List<Integer> group = new ArrayList<>();
            for (int p = view.start(k); p < view.end(k); p++) {
                group.add(view.source(p));
            }
            groups.add(group);
        }
        return groups;
    }

    @Test
    void eachGroupIsInStableTimeOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            Interactions rows = shuffled(seed, 700);
            assertThat(groups(rows.byUser())).isEqualTo(reference(rows, true, 40));
            assertThat(groups(rows.byItem())).isEqualTo(reference(rows, false, 25));
            SparseRows byUser = rows.byUser();
            for (int p = 0; p < byUser.nonZeros(); p++) {
                assertThat(byUser.column(p)).isEqualTo(rows.item(byUser.source(p)));
            }
        }
    }

    @Test
    void rowsByTimeIsAStableSortOfAllRows() {
        Interactions rows = shuffled(9, 500);
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            expected.add(r);
        }
        expected.sort(Comparator.comparingLong(rows::timestamp));
        assertThat(rows.rowsByTime()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
}
