package dev.m6rec.core.prepare;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a dataset from the rows the filters kept. A user or item whose rows were all removed
 * by the filters leaves the id space, and its attribute row goes with it: after a 5-core, the
 * catalogue that models rank (and evaluation ranks in full) is the 5-core's, as in the papers
 * that use one. An entity the loader gave without any interaction (a catalogue item nobody has
 * rated yet) is not the filters' business and stays, attributes and all. Survivors keep their
 * relative order, so dense indexes are renumbered without reshuffling.
 */
final class IdSpaceCompaction {
    private IdSpaceCompaction() {
    }

    /**
     * The dataset restricted to {@code keep}; its load counts are {@code counts} plus
     * {@code filter.users-dropped} and {@code filter.items-dropped}.
     */
    static Dataset compact(Dataset dataset, boolean[] keep, Map<String, Long> counts) {
        Interactions all = dataset.interactions();
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        int[] userBefore = new int[all.numUsers()];
        int[] userAfter = new int[all.numUsers()];
        int[] itemBefore = new int[all.numItems()];
        int[] itemAfter = new int[all.numItems()];
        for (int row = 0; row < keep.length; row++) {
            userBefore[all.user(row)]++;
            itemBefore[all.item(row)]++;
            if (keep[row]) {
                userAfter[all.user(row)]++;
                itemAfter[all.item(row)]++;
            }
        }
        int[] userMap = survivorMap(userBefore, userAfter);
        int[] itemMap = survivorMap(itemBefore, itemAfter);
        int[] survivingUsers = survivors(userMap);
        int[] survivingItems = survivors(itemMap);

        int[] users = new int[kept];
        int[] items = new int[kept];
        float[] ratings = all.hasRatings() ? new float[kept] : null;
        long[] timestamps = all.hasTimestamps() ? new long[kept] : null;
        int out = 0;
        for (int row = 0; row < keep.length; row++) {
            if (!keep[row]) {
                continue;
            }
            users[out] = userMap[all.user(row)];
            items[out] = itemMap[all.item(row)];
            if (ratings != null) {
                ratings[out] = all.rating(row);
            }
            if (timestamps != null) {
                timestamps[out] = all.timestamp(row);
            }
            out++;
        }
        Map<String, Long> withDropped = new LinkedHashMap<>(counts);
        withDropped.put("filter.users-dropped", (long) (all.numUsers() - survivingUsers.length));
        withDropped.put("filter.items-dropped", (long) (all.numItems() - survivingItems.length));
        Interactions filtered = Interactions.adopt(survivingUsers.length, survivingItems.length, users, items,
                ratings, timestamps);
        return new Dataset(dataset.name(),
                select(dataset.users(), survivingUsers), select(dataset.items(), survivingItems), filtered,
                select(dataset.userAttributes(), survivingUsers), select(dataset.itemAttributes(), survivingItems),
                withDropped);
    }

    /** Old index to new index, -1 for an entity that lost every row. */
    private static int[] survivorMap(int[] before, int[] after) {
        int[] map = new int[before.length];
        int next = 0;
        for (int e = 0; e < before.length; e++) {
            map[e] = after[e] > 0 || before[e] == 0 ? next++ : -1;
        }
        return map;
    }

    /** The old indexes that survive, in order. */
    private static int[] survivors(int[] map) {
        int n = 0;
        for (int m : map) {
            n += m >= 0 ? 1 : 0;
        }
        int[] kept = new int[n];
        for (int e = 0; e < map.length; e++) {
            if (map[e] >= 0) {
                kept[map[e]] = e;
            }
        }
        return kept;
    }

    private static IdIndex select(IdIndex ids, int[] kept) {
        if (kept.length == ids.size()) {
            return ids;
        }
        List<String> survivors = new ArrayList<>(kept.length);
        for (int e : kept) {
            survivors.add(ids.id(e));
        }
        return IdIndex.of(survivors);
    }

    private static AttributeTable select(AttributeTable table, int[] kept) {
        return kept.length == table.rows() ? table : table.select(kept);
    }
}
