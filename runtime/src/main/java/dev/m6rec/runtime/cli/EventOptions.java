package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import dev.m6rec.core.events.EventLogSettings;
import dev.m6rec.runtime.EventSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code m6rec serve} keeps the events it records: the durable log and the memory bounds. */
final class EventOptions {
    @Option(names = "--events-log", paramLabel = "DIR",
            description = {"Keep every recorded event in a durable log in DIR (created if missing): a 200 to",
                "POST /v1/events is sent once the events are fsynced, and the log is replayed on start and reload.",
                "Without it, events live in memory only and a restart loses them."})
    Path log;

    @Option(names = "--events-sync-wait", paramLabel = "MS", defaultValue = "2",
            description = "Longest wait to gather events into one fsync; an answer waits at most this plus one fsync "
                    + "(default: ${DEFAULT-VALUE}).")
    long syncWaitMillis;

    @Option(names = "--events-segment-mb", paramLabel = "MB", defaultValue = "64",
            description = "Start a new log segment file once one reaches this size (default: ${DEFAULT-VALUE}).")
    long segmentMegabytes;

    @Option(names = "--live-events-per-user", paramLabel = "N", defaultValue = "1000",
            description = "Most recent events kept in memory per user (default: ${DEFAULT-VALUE}).")
    int perUser;

    @Option(names = "--live-events-max", paramLabel = "N", defaultValue = "5000000",
            description = {"Events kept in memory across users; past it the least recently active users' live",
                "events are evicted from memory (they stay in the log) (default: ${DEFAULT-VALUE})."})
    long total;

    /** The settings these options describe; a bad value is a user error (exit 2). */
    EventSettings settings() {
        if (syncWaitMillis < 0) {
            throw new M6RecException("--events-sync-wait must be >= 0 (was " + syncWaitMillis + ")");
        }
        if (segmentMegabytes < 1) {
            throw new M6RecException("--events-segment-mb must be >= 1 (was " + segmentMegabytes + ")");
        }
        if (perUser < 1) {
            throw new M6RecException("--live-events-per-user must be >= 1 (was " + perUser + ")");
        }
        if (total < perUser) {
            throw new M6RecException("--live-events-max must be >= --live-events-per-user (" + perUser + ") (was "
                    + total + ")");
        }
        EventSettings settings = EventSettings.defaults().withLimits(perUser, total);
        if (log == null) {
            return settings;
        }
        return settings.withLog(new EventLogSettings(log.toAbsolutePath().normalize(), segmentMegabytes << 20,
                Duration.ofMillis(syncWaitMillis)));
    }
}
