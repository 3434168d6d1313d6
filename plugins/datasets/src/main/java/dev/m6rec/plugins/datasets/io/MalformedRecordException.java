package dev.m6rec.plugins.datasets.io;

/**
 * Why one record cannot be read ("rating 'x' is not a number"). Thrown while a record is decoded
 * and caught by the loop that reads the file, which either fails with a
 * {@link dev.m6rec.api.DataException} naming file and line or skips the record
 * ({@link RecordReader#reject}). Only bad records pay for it, so it carries no stack trace.
 */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
