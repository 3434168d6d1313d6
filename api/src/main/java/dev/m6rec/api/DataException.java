package dev.m6rec.api;

import java.nio.file.Path;

/**
 * Input data that cannot be read as declared: names the file and, where there is one, the line.
 *
 * <pre>{@code
 * throw new DataException(path, lineNumber, "expected 4 tab-separated fields, found 3");
 * // -> "data/u.data:17: expected 4 tab-separated fields, found 3"
 * }</pre>
 */
public class DataException extends M6RecException {
    private static final long serialVersionUID = 1L;

    /** A problem on a given 1-based line of a file. */
    public DataException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
    }

    /** A problem with a whole file (missing, empty, wrong layout). */
    public DataException(Path file, String reason) {
        super(file + ": " + reason);
    }

    /** A problem not tied to one file. */
    public DataException(String message) {
        super(message);
    }
}
