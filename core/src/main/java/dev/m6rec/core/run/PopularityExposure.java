package dev.m6rec.core.run;

import dev.m6rec.api.data.SparseRows;
import dev.m6rec.core.eval.PerUserValues;
import java.util.List;

/**
 * How a model's test lists treat popular and unpopular items. Items are ranked by training
 * interactions (ties towards the lower index); the first {@code headShare} of them are the head,
 * the rest the tail.
 *
 * @param bucket   {@code head} or {@code tail}
 * @param items    how many items the bucket holds
 * @param k        the list length looked at
 * @param exposure the share of all top-K slots of the test users that hold the bucket's items
 * @param recall   of the held-out test items in the bucket, the share found in the top K (NaN when none is held out)
 */
public record PopularityExposure(String bucket, int items, int k, double exposure, double recall) {

    /**
     * @param perUser   a test pass's per-user values, with lists
     * @param test      the held-out test interactions, by user
     * @param counts    training interactions per item
     * @param headShare the head's share of the items
     */
    static List<PopularityExposure> of(PerUserValues perUser, SparseRows test, int[] counts, double headShare, int k) {
        if (perUser.lists() == null) {
            return List.of();
        }
        boolean[] head = head(counts, headShare);
        int headItems = 0;
        for (boolean h : head) {
            headItems += h ? 1 : 0;
        }
        long[] slots = new long[2];
        long[] heldOut = new long[2];
        long[] found = new long[2];
        boolean[] inList = new boolean[counts.length];
        for (int i = 0; i < perUser.users().length; i++) {
            int[] list = perUser.lists()[i];
            int n = Math.min(k, list.length);
            for (int r = 0; r < n; r++) {
                slots[head[list[r]] ? 0 : 1]++;
                inList[list[r]] = true;
            }
            int u = perUser.users()[i];
            for (int p = test.start(u); p < test.end(u); p++) {
                int item = test.column(p);
                heldOut[head[item] ? 0 : 1]++;
                found[head[item] ? 0 : 1] += inList[item] ? 1 : 0;
            }
            for (int r = 0; r < n; r++) {
                inList[list[r]] = false;
            }
        }
        long allSlots = slots[0] + slots[1];
        return List.of(
                new PopularityExposure("head", headItems, k, share(slots[0], allSlots), share(found[0], heldOut[0])),
                new PopularityExposure("tail", counts.length - headItems, k, share(slots[1], allSlots),
                        share(found[1], heldOut[1])));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** The {@code share} most popular items (at least one). */
    private static boolean[] head(int[] counts, double share) {
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        boolean[] head = new boolean[counts.length];
        int n = Math.max(1, (int) Math.round(share * counts.length));
        for (int r = 0; r < Math.min(n, order.length); r++) {
            head[order[r]] = true;
        }
        return head;
    }
}
