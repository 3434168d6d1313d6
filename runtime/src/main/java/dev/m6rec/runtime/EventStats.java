package dev.m6rec.runtime;

/**
 * Counters of the events an {@link M6Rec} took in, for metrics. All counts are since the instance
 * started.
 *
 * @param accepted         events recorded (new, not duplicates)
 * @param persisted        events made durable in the log
 * @param replayed         events applied from the log on start and reloads
 * @param duplicates       events not recorded because the log held their id already
 * @param trimmed          oldest live events pushed out of memory by the per-user limit
 * @param evicted          live events dropped from memory by the total cap
 * @param evictedUsers     users whose live events the total cap evicted
 * @param tornDropped      torn records cut off the log's tail when it was opened
 * @param held             live events in memory now
 * @param users            users with live events now
 * @param totalCap         the cap on {@code held}
 * @param logBytes         bytes in the log's segment files (0 without a log)
 * @param replaySeconds    how long the last replay took
 * @param malformed        messages from a stream source that were not events, skipped
 */
public record EventStats(long accepted, long persisted, long replayed, long duplicates, long trimmed, long evicted,
                         long evictedUsers, long tornDropped, long held, long users, long totalCap, long logBytes,
                         double replaySeconds, long malformed) {
}
