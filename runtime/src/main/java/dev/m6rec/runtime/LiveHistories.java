package dev.m6rec.runtime;

import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.interest.UserProfile;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Events recorded after training, per external user id, layered over the trained histories.
 * Memory is bounded twice: each user keeps their most recent {@code perUser} events (older ones
 * are trimmed: they stay in the durable event log and reach the next training run), and all
 * users together hold at most {@code total} events. When the total cap bites, the least recently
 * active users' live events are evicted, not new events refused: a fresh event says more about
 * what to recommend next than one from a user gone quiet, and the evicted events are still in
 * the log for training. Items are kept as codes of their external ids, not as pipeline indices:
 * a reload may bring a pipeline whose item indices differ.
 */
final class LiveHistories {
    /** Default of the per-user limit: longer than the history any sequence model here looks at. */
    static final int DEFAULT_PER_USER = 1000;
    /** Default of the total cap: 5M events, about 40 MB of ring slots. */
    static final long DEFAULT_TOTAL = 5_000_000;
    private final int perUser;
    private final long total;
    private final Consumer<String> log;
    private final ConcurrentHashMap<String, RecentEvents> byUser = new ConcurrentHashMap<>();
    /** Users from least to most recently active; guarded by {@code this}. */
    private final LinkedHashMap<String, RecentEvents> byActivity = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    /** Item ids by code; grows by doubling; a new code's slot is written before the array is republished. */
    private volatile String[] itemIds = new String[64];
    private int itemCount;
    private final Counters counters;
    /** Events held now; guarded by {@code this}. */
    private long held;

    /** Counts that go on across {@link #fresh()} copies (a replay builds a fresh copy). */
    private record Counters(AtomicLong recorded, AtomicLong trimmed, AtomicLong evictedEvents, AtomicLong evictedUsers,
                            AtomicBoolean capReported) {
        Counters() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicBoolean());
        }
    }

    LiveHistories() {
        this(DEFAULT_PER_USER, DEFAULT_TOTAL, message -> { });
    }

    /**
     * @param perUser most recent events kept per user
     * @param total   events kept across all users
     * @param log     where the one line about the cap biting goes
     */
    LiveHistories(int perUser, long total, Consumer<String> log) {
        this(perUser, total, log, new Counters());
    }

    private LiveHistories(int perUser, long total, Consumer<String> log, Counters counters) {
        this.counters = counters;
        if (perUser < 1) {
            throw new IllegalArgumentException("perUser must be >= 1 (was " + perUser + ")");
        }
        if (total < perUser) {
            throw new IllegalArgumentException("total must be >= perUser (" + perUser + ") (was " + total + ")");
        }
        this.perUser = perUser;
        this.total = total;
        this.log = log;
    }

    /** An empty copy with the same limits, whose counters go on from this one's. */
    LiveHistories fresh() {
        return new LiveHistories(perUser, total, log, counters);
    }

    void append(String user, String item, float rating) {
        int code = code(item);
        long version = counters.recorded.incrementAndGet();
        synchronized (this) {
            RecentEvents events = byActivity.remove(user);
            if (events == null) {
                events = new RecentEvents(perUser);
                byUser.put(user, events);
            }
            byActivity.put(user, events);
            if (events.add(code, rating, version)) {
                counters.trimmed.incrementAndGet();
            } else {
                held++;
            }
            if (held > total) {
                evictLeastRecentlyActive(user);
            }
        }
    }

    /** Called holding {@code this}: drops whole users, least recently active first, until under the cap. */
    private void evictLeastRecentlyActive(String current) {
        if (counters.capReported.compareAndSet(false, true)) {
            log.accept("warning: live events reached the cap of " + total + " across users; evicting the least "
                    + "recently active users' live events (they stay in the event log and reach the next training run)");
        }
        Iterator<Map.Entry<String, RecentEvents>> oldest = byActivity.entrySet().iterator();
        while (held > total && oldest.hasNext()) {
            Map.Entry<String, RecentEvents> e = oldest.next();
            if (e.getKey().equals(current)) {
                continue;
            }
            int n = e.getValue().size();
            oldest.remove();
            byUser.remove(e.getKey());
            held -= n;
            counters.evictedEvents.addAndGet(n);
            counters.evictedUsers.incrementAndGet();
        }
    }

    private int code(String item) {
        Integer known = codes.get(item);
        if (known != null) {
            return known;
        }
        synchronized (codes) {
            return codes.computeIfAbsent(item, id -> {
                String[] ids = itemCount == itemIds.length ? Arrays.copyOf(itemIds, 2 * itemCount) : itemIds;
                ids[itemCount] = id;
                itemIds = ids; // the volatile write publishes the slot to readers of any code handed out
                return itemCount++;
            });
        }
    }

    /** How many events were recorded in all. */
    long recorded() {
        return counters.recorded.get();
    }

    /** Events held now across users. */
    synchronized long held() {
        return held;
    }

    /** Users with live events now. */
    int users() {
        return byUser.size();
    }

    /** Oldest events pushed out by the per-user limit. */
    long trimmed() {
        return counters.trimmed.get();
    }

    /** Events dropped from memory by the total cap, and the users they belonged to. */
    long evictedEvents() {
        return counters.evictedEvents.get();
    }

    long evictedUsers() {
        return counters.evictedUsers.get();
    }

    int perUserLimit() {
        return perUser;
    }

    long totalCap() {
        return total;
    }

    /** Events held for {@code user} now (at most the per-user limit). */
    int size(String user) {
        RecentEvents events = byUser.get(user);
        return events == null ? 0 : events.size();
    }

    /** A version that changes whenever this user's history changes (0 = no events). */
    long version(String user) {
        RecentEvents events = byUser.get(user);
        return events == null ? 0 : events.version();
    }

    boolean has(String user) {
        return byUser.containsKey(user);
    }

    /**
     * {@code base} with this user's recorded events appended, their items looked up in
     * {@code itemIndex}; events for items the serving pipeline does not know are skipped.
     */
    UserProfile extend(String user, UserProfile base, IdIndex itemIndex) {
        RecentEvents events = byUser.get(user);
        if (events == null) {
            return base;
        }
        RecentEvents.Snapshot a = events.snapshot();
        String[] ids = itemIds;
        int n = base.history().length;
        int[] items = Arrays.copyOf(base.history(), n + a.items().length);
        float[] ratings = new float[items.length];
        for (int k = 0; k < n; k++) {
            ratings[k] = base.historyRating(k);
        }
        int m = n;
        for (int k = 0; k < a.items().length; k++) {
            int item = itemIndex.indexOf(ids[a.items()[k]]);
            if (item >= 0) {
                items[m] = item;
                // Implicit events count as a rating of 1, like implicit training data.
                ratings[m] = Float.isNaN(a.ratings()[k]) ? 1f : a.ratings()[k];
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
