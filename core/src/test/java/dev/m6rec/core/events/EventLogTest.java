package dev.m6rec.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final ProgressReporter progress = new ProgressReporter() {
        @Override
        public ProgressTask begin(String name, long total) {
            return ProgressReporter.silent().begin(name, total);
        }

        @Override
        public void info(String message) {
            warnings.add(message);
        }
    };

    private static LoggedEvent event(String id, String user, String item) {
        return LoggedEvent.unappended(id, user, item, Float.NaN, 1_700_000_000L);
    }

    private static List<LoggedEvent> all(Path dir) {
        List<LoggedEvent> out = new ArrayList<>();
        EventLog.read(dir, 0, out::add);
        return out;
    }

    @Test
    void appendedEventsAreReadBackInOrderWithPositionsAndGeneratedIdsWithoutClosingTheLog() {
        EventLog log = EventLog.open(EventLogSettings.in(dir), progress);
        List<LoggedEvent> applied = new ArrayList<>();
        List<EventLog.Appended> result = log.append(List.of(event("a", "u1", "i1"), event(null, "u2", "i2")), applied::add);
        log.append(List.of(LoggedEvent.unappended("b", "u1", "i3", 4.5f, 9L)), applied::add);
        // Not closed: the process may die at any moment after an append returned.
        assertThat(result).extracting(a -> a.event().position()).containsExactly(1L, 2L);
        assertThat(result.get(1).event().id()).isEqualTo("@2");
        assertThat(all(dir)).containsExactlyElementsOf(applied);
        assertThat(applied.get(2)).isEqualTo(new LoggedEvent(3, "b", "u1", "i3", 4.5f, 9L));
        assertThat(log.persisted()).isEqualTo(3);
        log.close();
    }

    @Test
    void anIdAlreadyLoggedIsAppliedOnceAcrossRetriesBatchesAndReopens() {
        List<LoggedEvent> applied = new ArrayList<>();
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            log.append(List.of(event("x", "u1", "i1"), event("x", "u1", "i1")), applied::add);
            List<EventLog.Appended> retry = log.append(List.of(event("x", "u1", "i1")), applied::add);
            assertThat(retry).singleElement().satisfies(a -> {
                assertThat(a.duplicate()).isTrue();
                assertThat(a.event().position()).isEqualTo(1);
            });
        }
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            assertThat(log.append(List.of(event("x", "u1", "i1"), event("y", "u1", "i2")), applied::add))
                    .extracting(EventLog.Appended::duplicate).containsExactly(true, false);
            assertThat(log.lastPosition()).isEqualTo(2);
        }
        assertThat(applied).extracting(LoggedEvent::id).containsExactly("x", "y");
        assertThat(all(dir)).extracting(LoggedEvent::id).containsExactly("x", "y");
    }

    @Test
    void aTornLastRecordIsDroppedWithAWarningAndEverythingBeforeItIsKept() throws IOException {
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            for (int i = 0; i < 5; i++) {
                log.append(List.of(event("e" + i, "u", "i" + i)), e -> { });
            }
        }
        Path segment = EventLog.segments(dir).get(0);
        long size = Files.size(segment);
        try (FileChannel c = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            c.truncate(size - 7); // in the middle of the fifth record
        }
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            assertThat(warnings).singleElement().asString().startsWith("warning: " + segment.toAbsolutePath()
                    + ": dropped a record cut short").contains("the 4 events before it are kept");
            assertThat(log.tornDropped()).isEqualTo(1);
            assertThat(log.lastPosition()).isEqualTo(4);
            log.append(List.of(event("e4", "u", "i4")), e -> { });
        }
        assertThat(all(dir)).extracting(LoggedEvent::id).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void aFlippedByteInTheMiddleIsRefusedWithTheFileAndOffset() throws IOException {
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            for (int i = 0; i < 5; i++) {
                log.append(List.of(event("e" + i, "user-" + i, "item-" + i)), e -> { });
            }
        }
        Path segment = EventLog.segments(dir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int recordBytes = (bytes.length - SegmentFormat.HEADER_BYTES) / 5;
        int thirdRecord = SegmentFormat.HEADER_BYTES + 2 * recordBytes;
        bytes[thirdRecord + recordBytes - 2] ^= 1; // inside the third record's item id
        Files.write(segment, bytes);
        assertThatThrownBy(() -> EventLog.open(EventLogSettings.in(dir), progress))
                .isInstanceOf(DataException.class)
                .hasMessage(segment.toAbsolutePath() + ": byte offset " + thirdRecord
                        + ": checksum mismatch in the record at this offset; the event log is refused (restore the "
                        + "segment, or truncate it at this offset to accept losing the events from here on)");
        assertThatThrownBy(() -> EventLog.read(dir, 0, e -> { })).isInstanceOf(DataException.class);
    }

    @Test
    void aDamagedLengthInTheMiddleIsRefusedNotTakenForATornTail() throws IOException {
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            for (int i = 0; i < 3; i++) {
                log.append(List.of(event("e" + i, "u", "i")), e -> { });
            }
        }
        Path segment = EventLog.segments(dir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[SegmentFormat.HEADER_BYTES + 2] ^= 0x10; // the first record's length grows past the end of the file
        Files.write(segment, bytes);
        assertThatThrownBy(() -> EventLog.open(EventLogSettings.in(dir), progress))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("byte offset " + SegmentFormat.HEADER_BYTES + ": damaged record length");
    }

    @Test
    void segmentsRotateBySizeAndAbsorbedOnesCanBeRemoved() throws IOException {
        try (EventLog log = EventLog.open(EventLogSettings.in(dir).withSegmentBytes(200), progress)) {
            for (int i = 0; i < 20; i++) {
                log.append(List.of(event("e" + i, "u", "i" + i)), e -> { });
            }
            List<Path> segments = EventLog.segments(dir);
            assertThat(segments).hasSizeGreaterThan(3);
            assertThat(log.bytes()).isEqualTo(segments.stream().mapToLong(p -> p.toFile().length()).sum());
            assertThat(all(dir)).extracting(LoggedEvent::position).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());

            long secondStart = EventLog.firstPositionOf(segments.get(1));
            assertThat(log.removeSegmentsUpTo(secondStart - 1)).isEqualTo(1);
            assertThat(log.removeSegmentsUpTo(Long.MAX_VALUE)).isEqualTo(segments.size() - 2); // not the open one
            List<LoggedEvent> after = new ArrayList<>();
            log.replay(10, after::add);
            assertThat(after).extracting(LoggedEvent::position).allMatch(p -> p > 10);
        }
        // Reopening a log whose oldest segments were removed is fine: positions go on.
        try (EventLog log = EventLog.open(EventLogSettings.in(dir).withSegmentBytes(200), progress)) {
            assertThat(log.lastPosition()).isEqualTo(20);
        }
    }

    @Test
    void manyThreadsAppendingShareFsyncsAndLoseNothing() throws Exception {
        try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(List.of(event(thread + "-" + i, "u" + thread, "i")), e -> { });
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(log.persisted()).isEqualTo(400);
        }
        assertThat(all(dir)).extracting(LoggedEvent::id).doesNotHaveDuplicates().hasSize(400);
    }
}
