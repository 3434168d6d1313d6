package dev.m6rec.runtime.kafka;

/** A message that is not an event; its text says why. It is skipped and counted, never retried. */
final class MalformedMessageException extends Exception {
    MalformedMessageException(String why) {
        super(why, null, false, false);
    }
}
