package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LiveHistoriesTest {
    private static final UserProfile EMPTY = UserProfile.of(-1, new int[0], null, new float[0]);

    @Test
    void appendsFromManyThreadsAreNeverLost() throws Exception {
        LiveHistories live = new LiveHistories();
        IdIndex items = IdIndex.range("i", 50);
        int threads = 8;
        int perThread = 1000;
        AtomicIntegerArray perUser = new AtomicIntegerArray(10);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            workers.add(new Thread(() -> {
                java.util.Random random = new java.util.Random(seed);
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int e = 0; e < perThread; e++) {
                    int user = random.nextInt(10);
                    live.append("u" + user, items.id(random.nextInt(50)), Float.NaN);
                    perUser.incrementAndGet(user);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertThat(live.recorded()).isEqualTo(threads * perThread);
        for (int user = 0; user < 10; user++) {
            assertThat(live.extend("u" + user, EMPTY, items).history()).hasSize(perUser.get(user));
        }
    }

    @Test
    void eventsFollowTheirItemIdsIntoAnyItemIndexAndUnknownItemsAreSkipped() {
        LiveHistories live = new LiveHistories();
        live.append("u", "b", Float.NaN);
        live.append("u", "gone", 5f);
        live.append("u", "a", 4f);
        UserProfile base = UserProfile.of(0, new int[] {2}, new float[] {3f}, new float[0]);

        UserProfile first = live.extend("u", base, IdIndex.of(List.of("a", "b", "c")));
        assertThat(first.history()).containsExactly(2, 1, 0);
        assertThat(new float[] {first.historyRating(0), first.historyRating(1), first.historyRating(2)})
                .containsExactly(3f, 1f, 4f);
        // After a reload the same ids may sit at other indices.
        assertThat(live.extend("u", base, IdIndex.of(List.of("c", "a", "b"))).history()).containsExactly(2, 2, 1);
        assertThat(live.extend("nobody", base, IdIndex.of(List.of("a")))).isSameAs(base);
    }

    @Test
    void aUsersVersionChangesWithEachOfTheirEvents() {
        LiveHistories live = new LiveHistories();
        assertThat(live.version("u")).isZero();
        live.append("u", "a", Float.NaN);
        long first = live.version("u");
        live.append("v", "a", Float.NaN);
        assertThat(live.version("u")).isEqualTo(first);
        live.append("u", "a", Float.NaN);
        assertThat(live.version("u")).isNotEqualTo(first).isPositive();
    }

    @Test
    void aMillionEventsForOneUserKeepTheLastNInOrderAndCountTheTrimmed() {
        LiveHistories live = new LiveHistories(100, 1000, message -> { });
        IdIndex items = IdIndex.range("i", 1000);
        int n = 1_000_000;
        for (int e = 0; e < n; e++) {
            live.append("heavy", items.id(e % 1000), Float.NaN);
        }
        assertThat(live.size("heavy")).isEqualTo(100);
        assertThat(live.held()).isEqualTo(100);
        assertThat(live.trimmed()).isEqualTo(n - 100);
        assertThat(live.recorded()).isEqualTo(n);
        int[] expected = new int[100];
        for (int k = 0; k < 100; k++) {
            expected[k] = (n - 100 + k) % 1000;
        }
        assertThat(live.extend("heavy", EMPTY, items).history()).containsExactly(expected);
    }

    @Test
    void theTotalCapEvictsTheLeastRecentlyActiveUsersWithOneLogLine() {
        List<String> lines = new ArrayList<>();
        LiveHistories live = new LiveHistories(10, 25, lines::add);
        IdIndex items = IdIndex.range("i", 50);
        for (String user : List.of("a", "b", "c")) {
            for (int e = 0; e < 8; e++) {
                live.append(user, items.id(e), Float.NaN);
            }
        }
        live.append("a", items.id(9), Float.NaN); // "a" is now the most recently active; "b" the least
        assertThat(live.held()).isEqualTo(25);
        assertThat(lines).isEmpty();

        live.append("d", items.id(1), Float.NaN);
        assertThat(live.has("b")).as("least recently active, evicted").isFalse();
        assertThat(live.has("a")).isTrue();
        assertThat(live.has("c")).isTrue();
        assertThat(live.held()).isEqualTo(18);
        assertThat(live.evictedUsers()).isEqualTo(1);
        assertThat(live.evictedEvents()).isEqualTo(8);
        for (int e = 0; e < 30; e++) {
            live.append("e" + e, items.id(1), Float.NaN);
        }
        assertThat(live.held()).isLessThanOrEqualTo(25);
        assertThat(lines).singleElement().asString()
                .startsWith("warning: live events reached the cap of 25 across users; evicting the least recently "
                        + "active users' live events");
    }

    @Test
    void aFreshCopyStartsEmptyAndCountsOn() {
        LiveHistories live = new LiveHistories(2, 10, message -> { });
        IdIndex items = IdIndex.range("i", 5);
        for (int e = 0; e < 3; e++) {
            live.append("u", items.id(e), Float.NaN);
        }
        LiveHistories fresh = live.fresh();
        assertThat(fresh.has("u")).isFalse();
        fresh.append("u", items.id(4), Float.NaN);
        assertThat(fresh.recorded()).isEqualTo(4);
        assertThat(fresh.trimmed()).isEqualTo(1);
        assertThat(fresh.version("u")).isEqualTo(4);
    }
}
