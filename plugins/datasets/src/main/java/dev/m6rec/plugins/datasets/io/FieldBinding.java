package dev.m6rec.plugins.datasets.io;

/**
 * Reads one attribute value out of the current record and stores it for an entity, in two steps
 * so a record is all-or-nothing: {@link #stage} decodes (and may reject the record with a
 * {@link MalformedRecordException}); {@link #commit} stores the staged value once every field of
 * the record decoded.
 */
public interface FieldBinding {

    /** Decodes this binding's field(s) of the reader's current record. */
    void stage(RecordReader reader);

    /** Stores the staged value for entity {@code row}. */
    void commit(int row);
}
