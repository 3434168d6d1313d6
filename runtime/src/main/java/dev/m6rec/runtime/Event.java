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
 */
public record Event(String user, String item, float rating, long timestamp) {
    public Event {
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(item, "item is null");
        if (Float.isInfinite(rating)) {
            throw new IllegalArgumentException("rating must be finite, or NaN for implicit feedback (was " + rating + ")");
        }
    }

    public static Event click(String user, String item, long timestamp) {
        return new Event(user, item, Float.NaN, timestamp);
    }
}
