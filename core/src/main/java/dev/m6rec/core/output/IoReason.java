package dev.m6rec.core.output;

import java.io.IOException;

/**
 * The message of the innermost I/O failure in a chain ("No space left on device", or the JDK's
 * "path: reason"), for one-line user errors about writing files.
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(Throwable e) {
        Throwable reason = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                reason = t;
            }
        }
        return reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
    }
}
