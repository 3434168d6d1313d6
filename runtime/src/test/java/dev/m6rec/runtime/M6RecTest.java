package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.UnknownEntityException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class M6RecTest {
    @TempDir
    static Path dir;
    private static Path popularity;
    private static Path itemKnn;

    @BeforeAll
    static void train() {
        popularity = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        itemKnn = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
    }

    @Test
    void aConfigComparingModelsIsRefusedNamingTheKey() {
        dev.m6rec.core.config.RawConfig raw = dev.m6rec.core.config.RawConfig.fromMap(Map.of("models",
                List.of(Map.of("interest", Map.of("type", "popularity")))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> M6Rec.fromConfig(raw, List.of(),
                        dev.m6rec.api.ProgressReporter.silent()))
                .isInstanceOf(dev.m6rec.api.ConfigException.class)
                .hasMessageContaining("models: the embedding API trains and serves one model");
    }

    @Test
    void theVersionNamesTheServedArtifactAndChangesOnReload() {
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            String first = rec.version();
            assertThat(first).startsWith(popularity.toAbsolutePath().normalize() + "@");
            rec.reload(itemKnn);
            assertThat(rec.version()).startsWith(itemKnn.toAbsolutePath().normalize() + "@");
        }
        try (M6Rec trained = TinyPipelines.train(dir, "versioned", TinyPipelines.POPULARITY)) {
            assertThat(trained.version()).isEqualTo("trained");
        }
    }

    @Test
    void aConsumedItemDisappearsAndItsNeighboursMoveUp() {
        try (M6Rec rec = M6Rec.load(itemKnn, List.of())) {
            String user = "u3";
            Map<String, Recommendation> before = byItem(rec.recommend(user, 100, null));
            String consumed = rec.recommend(user, 10, null).get(0).item();
            List<String> neighbours = rec.similarItems(consumed, 10).stream().map(Recommendation::item)
                    .filter(before::containsKey).toList();
            assertThat(neighbours).isNotEmpty();

            rec.record(Event.click(user, consumed, 1_700_000_000L));

            List<Recommendation> after = rec.recommend(user, 100, null);
            assertThat(after).extracting(Recommendation::item).doesNotContain(consumed);
            Map<String, Recommendation> afterByItem = byItem(after);
            for (String neighbour : neighbours) {
                assertThat(afterByItem.get(neighbour).score()).as("score of %s", neighbour)
                        .isGreaterThan(before.get(neighbour).score());
                assertThat(afterByItem.get(neighbour).rank()).as("rank of %s", neighbour)
                        .isLessThan(before.get(neighbour).rank());
            }
        }
    }

    @Test
    void theMlpFollowsFreshEventsWithoutRetraining() {
        Path mlp = TinyPipelines.artifact(dir, "mlp", TinyPipelines.MLP);
        try (M6Rec rec = M6Rec.load(mlp, List.of())) {
            Map<String, Recommendation> before = byItem(rec.recommend("u3", 50, null));
            String consumed = rec.recommend("u3", 1, null).get(0).item();
            rec.record(Event.click("u3", consumed, 1_700_000_000L));
            List<Recommendation> after = rec.recommend("u3", 50, null);
            assertThat(after).extracting(Recommendation::item).doesNotContain(consumed);
            long moved = after.stream().filter(r -> before.containsKey(r.item())
                    && before.get(r.item()).score() != r.score()).count();
            assertThat(moved).as("items whose score the event moved").isGreaterThan(after.size() / 2);

            // A user unknown to training, with one click, gets a list of their own, not the cold-start one.
            List<String> cold = rec.recommend(dev.m6rec.api.data.Attributes.none(), 11).stream()
                    .map(Recommendation::item).toList();
            rec.record(Event.click("newcomer", cold.get(5), 1L));
            List<String> unmoved = cold.stream().filter(i -> !i.equals(cold.get(5))).toList();   // 10 items
            assertThat(rec.recommend("newcomer", 10, null)).extracting(Recommendation::item).isNotEqualTo(unmoved);
        }
    }

    @Test
    void aNewUserWithEventsIsKnownAndGetsTheirItemsExcluded() {
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            assertThat(rec.knowsUser("newcomer")).isFalse();
            assertThatThrownBy(() -> rec.recommend("newcomer", 5, null))
                    .isInstanceOf(UnknownEntityException.class).hasMessage("unknown user 'newcomer'");
            String top = rec.recommend(dev.m6rec.api.data.Attributes.none(), 1).get(0).item();
            rec.record(Event.click("newcomer", top, 1L));
            assertThat(rec.knowsUser("newcomer")).isTrue();
            assertThat(rec.recommend("newcomer", 5, null)).hasSize(5).extracting(Recommendation::item).doesNotContain(top);
            assertThatThrownBy(() -> rec.record(Event.click("newcomer", "no-such-item", 1L)))
                    .isInstanceOf(UnknownEntityException.class).hasMessage("unknown item 'no-such-item'");
            assertThat(rec.eventsRecorded()).isEqualTo(1);
        }
    }

    @Test
    void theCacheIsInvalidatedByThatUsersEventsAndByReloads() {
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            List<Recommendation> first = rec.recommend("u1", 10, null);
            List<Recommendation> other = rec.recommend("u2", 10, null);
            assertThat(rec.recommend("u1", 10, null)).isSameAs(first);

            rec.record(Event.click("u1", first.get(0).item(), 1L));
            List<Recommendation> afterEvent = rec.recommend("u1", 10, null);
            assertThat(afterEvent).isNotSameAs(first).extracting(Recommendation::item).doesNotContain(first.get(0).item());
            assertThat(rec.recommend("u2", 10, null)).as("another user's events keep u2's list").isSameAs(other);

            rec.reload(popularity);
            List<Recommendation> afterReload = rec.recommend("u2", 10, null);
            assertThat(afterReload).isNotSameAs(other).isEqualTo(other);

            rec.setCacheLimit(0);
            assertThat(rec.recommend("u2", 10, null)).isNotSameAs(rec.recommend("u2", 10, null)).isEqualTo(other);
            assertThat(rec.recommend("u2", 10, item -> true)).isEqualTo(other);
        }
    }

    @Test
    void aReloadToACorruptArtifactKeepsTheOldOneServing() {
        Path corrupt = TinyPipelines.copy(itemKnn, dir.resolve("corrupt"));
        Path scores = corrupt.resolve("pipeline").resolve("known-items.i32");
        TinyPipelines.flipOneByte(scores);
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            String version = rec.version();
            List<Recommendation> before = rec.recommend("u1", 10, null);
            assertThatThrownBy(() -> rec.reload(corrupt)).isInstanceOf(ArtifactException.class)
                    .hasMessage(scores.toAbsolutePath() + ": checksum mismatch (the file was altered or truncated)");
            assertThatThrownBy(() -> rec.reload(dir.resolve("missing"))).isInstanceOf(ArtifactException.class)
                    .hasMessage(dir.resolve("missing").toAbsolutePath() + ": not an M6-Rec artifact (no manifest.json)");
            assertThat(rec.version()).isEqualTo(version);
            assertThat(rec.recommend("u1", 10, null)).isEqualTo(before);
        }
    }

    @Test
    void eventsFromManyThreadsAreAllRecorded() throws Exception {
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            rec.setCacheLimit(0);
            List<String> items = rec.items();
            int threads = 8;
            int perThread = 250;
            Map<String, Set<String>> consumed = new ConcurrentHashMap<>();
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> workers = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(100 + t);
                workers.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int e = 0; e < perThread; e++) {
                            String user = "u" + (1 + random.nextInt(16));
                            String item = items.get(random.nextInt(items.size()));
                            rec.record(Event.click(user, item, e));
                            consumed.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(item);
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(rec.eventsRecorded()).isEqualTo(threads * perThread);
            for (Map.Entry<String, Set<String>> user : consumed.entrySet()) {
                assertThat(rec.recommend(user.getKey(), 100, null)).extracting(Recommendation::item)
                        .doesNotContainAnyElementsOf(user.getValue());
            }
        }
    }

    @Test
    void requestsRunningDuringReloadsNeverFail() throws Exception {
        Path twin = TinyPipelines.copy(popularity, dir.resolve("twin"));
        try (M6Rec rec = M6Rec.load(popularity, List.of())) {
            rec.setCacheLimit(0);
            Map<String, List<Recommendation>> expected = new HashMap<>();
            for (String user : rec.users()) {
                expected.put(user, rec.recommend(user, 10, null));
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(t);
                List<String> users = new ArrayList<>(expected.keySet());
                readers.add(new Thread(() -> {
                    while (!done.get()) {
                        String user = users.get(random.nextInt(users.size()));
                        try {
                            if (!rec.recommend(user, 10, null).equals(expected.get(user))) {
                                failures.add("different list for " + user);
                            }
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            readers.forEach(Thread::start);
            Set<String> versions = new HashSet<>();
            for (int r = 0; r < 12; r++) {
                rec.reload(r % 2 == 0 ? twin : popularity);
                versions.add(rec.version());
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).isEmpty();
            assertThat(answered.get()).isPositive();
            assertThat(versions).hasSize(2);
        }
    }

    private static Map<String, Recommendation> byItem(List<Recommendation> list) {
        Map<String, Recommendation> out = new HashMap<>();
        list.forEach(r -> out.put(r.item(), r));
        return out;
    }
}
