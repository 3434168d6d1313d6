package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.events.EventLogSettings;
import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.EventSettings;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, part 4: serve with an event log, collect, retrain with {@code data.events}, reload; the
 * events are in the new model, and none is applied twice.
 */
class EventsRetrainLoopTest {
    @TempDir
    Path dir;

    private static long segments(Path log) throws Exception {
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).count();
        }
    }

    @Test
    void serveCollectRetrainReloadAppliesEveryEventExactlyOnce() throws Exception {
        Path artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
        Path log = dir.resolve("events");
        EventSettings events = EventSettings.defaults()
                .withLog(new EventLogSettings(log, 300, Duration.ofMillis(1))); // a few events per segment
        try (M6Rec rec = M6Rec.load(artifact, List.of(), events, ProgressReporter.silent())) {
            List<String> items = rec.items();
            for (int e = 0; e < 30; e++) {
                rec.record(new Event(e % 2 == 0 ? "newcomer" : "u1", items.get(e), Float.NaN, 1_700_000_000L + e,
                        "before-" + e));
            }
            assertThat(rec.users()).doesNotContain("newcomer");
            long segmentsBefore = segments(log);

            Path config = TinyPipelines.config(dir, "retrain", TinyPipelines.ITEM_KNN.replace(
                    "data: { type: synthetic, users: 200, items: 100 }",
                    "data: { type: synthetic, users: 200, items: 100, events: { log: " + log + " } }"));
            CliRunner run = CliRunner.run("run", config.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out() + run.err()).contains("data.events: 30 events from " + log + " up to position 30 "
                    + "(1 new users, 0 skipped: unknown item)");
            Path retrained = dir.resolve("runs-retrain").resolve("artifact");
            assertThat(Files.readString(retrained.resolve("events").resolve("absorbed.txt"))).isEqualTo("30\n");

            for (int e = 0; e < 3; e++) {
                rec.record(new Event("u1", items.get(50 + e), Float.NaN, 1_800_000_000L + e, "after-" + e));
            }
            rec.reload(retrained);
            assertThat(rec.users()).as("the newcomer's events trained the new model").contains("newcomer");
            assertThat(rec.liveEvents("newcomer")).as("absorbed by training: not replayed").isZero();
            assertThat(rec.liveEvents("u1")).as("only the events after training").isEqualTo(3);
            assertThat(rec.eventStats().replayed()).isEqualTo(3);
            assertThat(segments(log)).as("absorbed segments removed on reload").isLessThan(segmentsBefore);
            Path resaved = dir.resolve("resaved");
            rec.save(resaved);
            assertThat(Files.readString(resaved.resolve("events").resolve("absorbed.txt")))
                    .as("a loaded artifact saved again keeps what its training absorbed").isEqualTo("30\n");
            // A retry of an absorbed event is still recognised while this process runs.
            assertThat(rec.record(new Event("u1", items.get(1), Float.NaN, 1L, "before-1")).duplicate()).isTrue();
        }
        // A restart on the retrained artifact replays the same three events, no more.
        Path retrained = dir.resolve("runs-retrain").resolve("artifact");
        try (M6Rec again = M6Rec.load(retrained, List.of(), events, ProgressReporter.silent())) {
            assertThat(again.liveEvents("u1")).isEqualTo(3);
            assertThat(again.liveEvents("newcomer")).isZero();
        }
    }

    @Test
    void aMissingLogFolderOrAnUnknownKeyIsExit2WithTheKeyPath() {
        Path missing = dir.resolve("no-such-log");
        Path config = TinyPipelines.config(dir, "bad", TinyPipelines.POPULARITY.replace(
                "data: { type: synthetic, users: 200, items: 100 }",
                "data: { type: synthetic, users: 200, items: 100, events: { log: " + missing + " } }"));
        CliRunner run = CliRunner.run("run", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("data.events.log: no such folder (was '" + missing + "'");

        Path unknown = TinyPipelines.config(dir, "unknown", TinyPipelines.POPULARITY.replace(
                "data: { type: synthetic, users: 200, items: 100 }",
                "data: { type: synthetic, users: 200, items: 100, events: { log: " + dir + ", from: 3 } }"));
        CliRunner second = CliRunner.run("run", unknown.toString());
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(second.err()).contains("data.events.from: unknown key");
        assertThat(second.err()).doesNotContain("Exception");
    }
}
