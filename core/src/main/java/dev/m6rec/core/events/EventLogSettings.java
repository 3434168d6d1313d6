package dev.m6rec.core.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the {@link EventLog} lives and how it writes.
 *
 * @param dir          the folder of segment files (created if missing)
 * @param segmentBytes a segment is closed and a new one started once it holds at least this many bytes
 * @param syncWait     how long the log may gather more appends before it fsyncs a batch: an append is
 *                     answered at most this long plus one fsync after it was written
 */
public record EventLogSettings(Path dir, long segmentBytes, Duration syncWait) {
    /** 64 MiB: a few hundred thousand events per segment, replayed in well under a second each. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** 2 ms: on a disk that fsyncs in ~1 ms, a busy server commits hundreds of events per fsync. */
    public static final Duration DEFAULT_SYNC_WAIT = Duration.ofMillis(2);

    public EventLogSettings {
        Objects.requireNonNull(dir, "dir is null");
        if (segmentBytes < SegmentFormat.HEADER_BYTES + 1) {
            throw new IllegalArgumentException("segmentBytes must be > " + SegmentFormat.HEADER_BYTES
                    + " (was " + segmentBytes + ")");
        }
        Objects.requireNonNull(syncWait, "syncWait is null");
        if (syncWait.isNegative()) {
            throw new IllegalArgumentException("syncWait must be >= 0 (was " + syncWait + ")");
        }
    }

    /** {@code dir} with the default segment size and sync wait. */
    public static EventLogSettings in(Path dir) {
        return new EventLogSettings(dir, DEFAULT_SEGMENT_BYTES, DEFAULT_SYNC_WAIT);
    }

    public EventLogSettings withSegmentBytes(long bytes) {
        return new EventLogSettings(dir, bytes, syncWait);
    }

    public EventLogSettings withSyncWait(Duration wait) {
        return new EventLogSettings(dir, segmentBytes, wait);
    }
}
