package dev.m6rec.api;

/**
 * Base of every error a user can cause (bad config, bad data, unknown id, corrupt artifact,
 * broken plugin jar). The CLI prints its message on one line and exits 2; the server answers 4xx.
 * Anything else thrown is a bug.
 *
 * <pre>{@code
 * throw new DataException(file, 17, "rating 'x' is not a number");
 * }</pre>
 */
public class M6RecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public M6RecException(String message) {
        super(message);
    }

    public M6RecException(String message, Throwable cause) {
        super(message, cause);
    }
}
