package dev.m6rec.runtime;

/**
 * What became of one event given to {@link M6Rec#recordAll}.
 *
 * @param id        the event's id (the caller's, or the generated one)
 * @param position  its position in the event log (0 without a log)
 * @param duplicate true when the log already held an event with this id: it was not recorded again, and
 *                  {@code position} is the original's
 */
public record RecordedEvent(String id, long position, boolean duplicate) {
}
