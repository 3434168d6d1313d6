package dev.m6rec.core.prepare;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-made datasets written as rows {@code "user item [rating [timestamp]]"}, and the rows of
 * any interactions written back the same way, so tests state exact expected rows.
 */
public final class TinyDatasets {
    private TinyDatasets() {
    }

    /**
     * A dataset of the given rows; ids are numbered in first-seen order. Every row has the same
     * number of fields: 2 (implicit), 3 (with ratings) or 4 (ratings and timestamps); a rating of
     * {@code -} with 4 fields means timestamps without ratings.
     */
    public static Dataset of(String name, String... rows) {
        return of(name, List.of(), List.of(), rows);
    }

    /** As {@link #of(String, String...)} with extra users and items that have no interactions, in that order. */
    public static Dataset of(String name, List<String> extraUsers, List<String> extraItems, String... rows) {
        IdIndex.Builder users = IdIndex.builder();
        IdIndex.Builder items = IdIndex.builder();
        List<String[]> parsed = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.trim().split("\\s+");
            users.add(f[0]);
            items.add(f[1]);
            parsed.add(f);
        }
        extraUsers.forEach(users::add);
        extraItems.forEach(items::add);
        int width = parsed.isEmpty() ? 2 : parsed.get(0).length;
        boolean withRatings = width >= 3 && !parsed.get(0)[2].equals("-");
        Interactions.Builder b = Interactions.builder(users.size(), items.size(), withRatings, width == 4);
        for (String[] f : parsed) {
            b.add(users.indexOf(f[0]), items.indexOf(f[1]), withRatings ? Float.parseFloat(f[2]) : 1f,
                    width == 4 ? Long.parseLong(f[3]) : 0L);
        }
        return new Dataset(name, users.build(), items.build(), b.build(), AttributeTable.empty(users.size()),
                AttributeTable.empty(items.size()), Map.of("rows", (long) parsed.size()));
    }

    /** The same dataset with other attribute tables. */
    public static Dataset withAttributes(Dataset d, AttributeTable userAttributes, AttributeTable itemAttributes) {
        return new Dataset(d.name(), d.users(), d.items(), d.interactions(), userAttributes, itemAttributes, d.loadCounts());
    }

    /** Rows as {@code "user item rating timestamp"} with external ids; missing columns are left out. */
    public static List<String> rows(Dataset dataset, Interactions part) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < part.size(); r++) {
            StringBuilder s = new StringBuilder(dataset.users().id(part.user(r))).append(' ')
                    .append(dataset.items().id(part.item(r)));
            if (part.hasRatings()) {
                s.append(' ').append(number(part.rating(r)));
            }
            if (part.hasTimestamps()) {
                s.append(' ').append(part.timestamp(r));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** All of a dataset's rows. */
    public static List<String> rows(Dataset dataset) {
        return rows(dataset, dataset.interactions());
    }

    private static String number(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
