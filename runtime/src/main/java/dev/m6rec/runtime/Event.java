package dev.m6rec.runtime;

import java.util.Objects;

/**
 * A behaviour event recorded while serving: a click, view or rating of an item by a user. It
 * joins the user's history at once, so their next recommendations change (the item is no longer
 * recommended; items similar to it move up).
 *
 * @param user      external user id (a new id starts a new history)
 * @param item      external item id (must be known)
 * @param rating    the rating, or NaN for implicit feedback; never infinite
 * @param timestamp seconds since the epoch
 * @param id        the event's id, or null: with an event log, an event whose id is already logged is not
 *                  recorded again (a client's retry, a stream's redelivery); null gets a generated id
 */
public record Event(String user, String item, float rating, long timestamp, String id) {
    /** Longest event id accepted, in characters. */
    public static final int MAX_ID_LENGTH = 256;

    public Event {
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(item, "item is null");
        if (Float.isInfinite(rating)) {
            throw new IllegalArgumentException("rating must be finite, or NaN for implicit feedback (was " + rating + ")");
        }
        if (id != null) {
            String problem = idProblem(id);
            if (problem != null) {
                throw new IllegalArgumentException("id " + problem);
            }
        }
    }

    /** An event without an id (one is generated when it is recorded). */
    public Event(String user, String item, float rating, long timestamp) {
        this(user, item, rating, timestamp, null);
    }

    public static Event click(String user, String item, long timestamp) {
        return new Event(user, item, Float.NaN, timestamp, null);
    }

    /** This event with the given id. */
    public Event withId(String newId) {
        return new Event(user, item, rating, timestamp, newId);
    }

    /** Why {@code id} cannot be an event id, or null when it can. */
    public static String idProblem(String id) {
        if (id.isEmpty()) {
            return "must not be empty";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "must be at most " + MAX_ID_LENGTH + " characters (was " + id.length() + ")";
        }
        if (id.startsWith(dev.m6rec.core.events.LoggedEvent.GENERATED_ID_PREFIX)) {
            return "must not start with '" + dev.m6rec.core.events.LoggedEvent.GENERATED_ID_PREFIX
                    + "' (reserved for generated ids)";
        }
        return null;
    }
}
