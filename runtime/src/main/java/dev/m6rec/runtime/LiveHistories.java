package dev.m6rec.runtime;

import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.interest.UserProfile;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events recorded after training, per external user id, layered over the trained histories.
 * Appends are atomic per user (copy-on-write arrays inside ConcurrentHashMap.compute), so events
 * from many threads are never lost, and readers always see a consistent history. Items are kept
 * by external id, not by index: a reload may bring a pipeline whose item indices differ.
 */
final class LiveHistories {
    private final ConcurrentHashMap<String, Appended> byUser = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();

    /** Items and ratings appended for one user, oldest first; immutable once published. */
    record Appended(String[] items, float[] ratings, long version) {
    }

    void append(String user, String item, float rating) {
        byUser.compute(user, (id, old) -> {
            int n = old == null ? 0 : old.items.length;
            String[] items = old == null ? new String[1] : Arrays.copyOf(old.items, n + 1);
            float[] ratings = old == null ? new float[1] : Arrays.copyOf(old.ratings, n + 1);
            items[n] = item;
            ratings[n] = rating;
            return new Appended(items, ratings, recorded.incrementAndGet());
        });
    }

    /** How many events were recorded in all. */
    long recorded() {
        return recorded.get();
    }

    /** A version that changes whenever this user's history changes (0 = no events). */
    long version(String user) {
        Appended a = byUser.get(user);
        return a == null ? 0 : a.version;
    }

    boolean has(String user) {
        return byUser.containsKey(user);
    }

    /**
     * {@code base} with this user's recorded events appended, their items looked up in
     * {@code itemIndex}; events for items the serving pipeline does not know are skipped.
     */
    UserProfile extend(String user, UserProfile base, IdIndex itemIndex) {
        Appended a = byUser.get(user);
        if (a == null) {
            return base;
        }
        int n = base.history().length;
        int[] items = Arrays.copyOf(base.history(), n + a.items.length);
        float[] ratings = new float[items.length];
        for (int k = 0; k < n; k++) {
            ratings[k] = base.historyRating(k);
        }
        int m = n;
        for (int k = 0; k < a.items.length; k++) {
            int item = itemIndex.indexOf(a.items[k]);
            if (item >= 0) {
                items[m] = item;
                // Implicit events count as a rating of 1, like implicit training data.
                ratings[m] = Float.isNaN(a.ratings[k]) ? 1f : a.ratings[k];
                m++;
            }
        }
        if (m < items.length) {
            items = Arrays.copyOf(items, m);
            ratings = Arrays.copyOf(ratings, m);
        }
        return UserProfile.of(base.index(), items, ratings, base.features());
    }
}
