package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.events.EventLog;
import dev.m6rec.core.events.LoggedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, part 1, through the facade: events survive a process that dies without closing, exactly once. */
class DurableEventsTest {
    @TempDir
    static Path shared;
    /** Trained once: every test reads it, none changes it. */
    private static Path artifact;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(shared, "knn", TinyPipelines.ITEM_KNN);
    }

    private EventSettings withLog() {
        return EventSettings.defaults().withLog(dir.resolve("events"));
    }

    private static Map<String, List<Recommendation>> lists(M6Rec rec, List<String> users) {
        Map<String, List<Recommendation>> out = new LinkedHashMap<>();
        for (String user : users) {
            out.put(user, rec.recommend(user, 10, null));
        }
        return out;
    }

    @Test
    void aRestartWithoutCloseAnswersExactlyAsBeforeItStopped() {
        List<String> users = List.of("u1", "u2", "u3", "newcomer");
        M6Rec before = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent());
        List<String> items = before.items();
        Map<String, List<Recommendation>> untouched = lists(before, List.of("u1", "u2", "u3"));
        for (int e = 0; e < 40; e++) {
            before.record(Event.click(users.get(e % users.size()), items.get((7 * e) % items.size()), 1_700_000_000L + e));
        }
        before.recordAll(List.of(new Event("u2", items.get(3), 4.5f, 1L, "client-1"),
                new Event("u2", items.get(3), 4.5f, 1L, "client-1")));
        Map<String, List<Recommendation>> atKill = lists(before, users);
        assertThat(atKill.get("u1")).as("the events changed the lists").isNotEqualTo(untouched.get("u1"));
        // No close: the files as they are now are what a kill -9 would leave (copied, because the running
        // instance holds the log's writer lock).
        Path atCrash = TinyPipelines.copy(dir.resolve("events"), dir.resolve("events-at-kill"));

        M6Rec after = M6Rec.load(artifact, List.of(), EventSettings.defaults().withLog(atCrash),
                ProgressReporter.silent());
        try {
            assertThat(lists(after, users)).isEqualTo(atKill);
            assertThat(after.eventStats().replayed()).isEqualTo(41);
            assertThat(after.eventsRecorded()).as("replayed events are not new ones").isZero();
            assertThat(after.liveEvents("u2")).isEqualTo(11);
        } finally {
            after.close();
            before.close();
        }
    }

    @Test
    void aSecondInstanceCannotOpenALogInUseAndTheFirstKeepsServing() {
        try (M6Rec first = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent()))
                    .isInstanceOf(dev.m6rec.api.DataException.class)
                    .hasMessage(dir.resolve("events").toAbsolutePath() + ": the event log is open in another process "
                            + "(or another instance in this one); one writer at a time");
            assertThat(first.record(Event.click("u1", first.items().get(0), 1L)).position()).isEqualTo(1);
        }
        try (M6Rec reopened = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            assertThat(reopened.liveEvents("u1")).as("closing released the lock").isEqualTo(1);
        }
    }

    @Test
    void anEventIdIsRecordedOnceAcrossRetriesAndRestarts() {
        String item;
        try (M6Rec rec = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            item = rec.items().get(0);
            RecordedEvent first = rec.record(Event.click("u5", item, 1L).withId("e-1"));
            RecordedEvent retry = rec.record(Event.click("u5", item, 1L).withId("e-1"));
            assertThat(first).isEqualTo(new RecordedEvent("e-1", 1, false));
            assertThat(retry).isEqualTo(new RecordedEvent("e-1", 1, true));
            RecordedEvent generated = rec.record(Event.click("u5", item, 2L));
            assertThat(generated).isEqualTo(new RecordedEvent("@2", 2, false));
            assertThat(rec.eventStats().duplicates()).isEqualTo(1);
            assertThat(rec.liveEvents("u5")).isEqualTo(2);
        }
        try (M6Rec rec = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            assertThat(rec.record(Event.click("u5", item, 1L).withId("e-1")).duplicate()).isTrue();
            assertThat(rec.liveEvents("u5")).isEqualTo(2);
        }
        List<LoggedEvent> logged = new ArrayList<>();
        EventLog.read(dir.resolve("events"), 0, logged::add);
        assertThat(logged).extracting(LoggedEvent::id).containsExactly("e-1", "@2");
    }

    @Test
    void aReloadReplaysTheLogOnTopOfTheNewPipelineWithNothingCountedTwice() {
        try (M6Rec rec = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            List<String> items = rec.items();
            for (int e = 0; e < 5; e++) {
                rec.record(Event.click("u1", items.get(e), e));
            }
            List<Recommendation> beforeReload = rec.recommend("u1", 10, null);
            rec.reload(artifact);
            assertThat(rec.liveEvents("u1")).isEqualTo(5);
            assertThat(rec.recommend("u1", 10, null)).isEqualTo(beforeReload);
            assertThat(rec.eventStats().replayed()).isEqualTo(5);
            assertThat(rec.eventStats().persisted()).isEqualTo(5);
        }
    }

    @Test
    void withoutALogEventsStillSurviveReloadsInMemoryAsBefore() {
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            rec.record(Event.click("u1", rec.items().get(0), 1L));
            rec.reload(artifact);
            assertThat(rec.liveEvents("u1")).isEqualTo(1);
            assertThat(rec.eventStats().persisted()).isZero();
        }
    }

    @Test
    void eventsRecordedFromManyThreadsDuringReloadsAreEachAppliedOnce() throws Exception {
        int threads = 4;
        int perThread = 150;
        try (M6Rec rec = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            List<String> items = rec.items();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "w" + t;
                writers.add(new Thread(() -> {
                    for (int e = 0; e < perThread; e++) {
                        rec.record(Event.click(user, items.get(e % items.size()), e));
                    }
                    done.countDown();
                }));
            }
            writers.forEach(Thread::start);
            int reloads = 0;
            while (done.getCount() > 0 || reloads < 3) {
                rec.reload(artifact);
                reloads++;
            }
            for (Thread w : writers) {
                w.join();
            }
            for (int t = 0; t < threads; t++) {
                assertThat(rec.liveEvents("w" + t)).as("w" + t).isEqualTo(perThread);
            }
            assertThat(rec.eventsRecorded()).isEqualTo(threads * perThread);
        }
        try (M6Rec reopened = M6Rec.load(artifact, List.of(), withLog(), ProgressReporter.silent())) {
            assertThat(reopened.eventStats().replayed()).isEqualTo(threads * perThread);
            for (int t = 0; t < threads; t++) {
                assertThat(reopened.liveEvents("w" + t)).isEqualTo(perThread);
            }
        }
    }
}
