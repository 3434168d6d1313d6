package dev.m6rec.core.events;

import java.util.Objects;

/**
 * One behaviour event as the durable {@link EventLog} holds it.
 *
 * @param position  where it sits in the log: 1 for the first event ever appended, then +1 per event; 0 for an
 *                  event not yet appended
 * @param id        the event id that makes appends idempotent, or null before appending (the log then gives it
 *                  {@code "@" + position})
 * @param user      external user id
 * @param item      external item id
 * @param rating    the rating, NaN for implicit feedback
 * @param timestamp seconds since the epoch
 */
public record LoggedEvent(long position, String id, String user, String item, float rating, long timestamp) {
    /** Ids the log generates start with this; a caller's own ids may not. */
    public static final String GENERATED_ID_PREFIX = "@";

    public LoggedEvent {
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(item, "item is null");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0 (was " + position + ")");
        }
    }

    /** An event to append: no position yet; {@code id} may be null (one is generated). */
    public static LoggedEvent unappended(String id, String user, String item, float rating, long timestamp) {
        return new LoggedEvent(0, id, user, item, rating, timestamp);
    }

    LoggedEvent at(long newPosition, String newId) {
        return new LoggedEvent(newPosition, newId, user, item, rating, timestamp);
    }
}
