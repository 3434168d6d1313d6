package dev.m6rec.runtime;

import dev.m6rec.core.events.EventLogSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link M6Rec} keeps recorded events: optionally in a durable event log (then every event
 * is on disk before {@link M6Rec#recordAll} returns, and the log is replayed on start and reload),
 * and within memory bounds.
 *
 * <pre>{@code
 * M6Rec rec = M6Rec.load(artifact, List.of(), EventSettings.defaults().withLog(Path.of("events")), progress);
 * }</pre>
 *
 * @param log          the durable event log, or empty to keep events in memory only (lost on restart)
 * @param perUserLimit most recent events kept in memory per user (older ones stay in the log)
 * @param totalLimit   events kept in memory across users; past it the least recently active users' live
 *                     events are evicted from memory (they stay in the log)
 */
public record EventSettings(Optional<EventLogSettings> log, int perUserLimit, long totalLimit) {
    public EventSettings {
        Objects.requireNonNull(log, "log is null");
        if (perUserLimit < 1) {
            throw new IllegalArgumentException("perUserLimit must be >= 1 (was " + perUserLimit + ")");
        }
        if (totalLimit < perUserLimit) {
            throw new IllegalArgumentException("totalLimit must be >= perUserLimit (" + perUserLimit + ") (was "
                    + totalLimit + ")");
        }
    }

    /** No log; 1,000 events per user, 5,000,000 in all. */
    public static EventSettings defaults() {
        return new EventSettings(Optional.empty(), LiveHistories.DEFAULT_PER_USER, LiveHistories.DEFAULT_TOTAL);
    }

    /** These settings with a durable log in {@code dir} (default segment size and sync wait). */
    public EventSettings withLog(Path dir) {
        return withLog(EventLogSettings.in(dir));
    }

    public EventSettings withLog(EventLogSettings settings) {
        return new EventSettings(Optional.of(settings), perUserLimit, totalLimit);
    }

    public EventSettings withLimits(int perUser, long total) {
        return new EventSettings(log, perUser, total);
    }
}
