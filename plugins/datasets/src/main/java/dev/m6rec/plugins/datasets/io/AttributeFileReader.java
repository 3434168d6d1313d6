package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a file of per-entity attributes (one record per user or item) into attribute columns.
 * Each record's id gets its dense index from the entity's {@link ByteStringIndex}: an id that had
 * no interaction is added after the others and becomes a cold entity (no interactions, but
 * attributes). A second record for the same id is malformed.
 *
 * <pre>{@code
 * AttributeFileReader uuser = new AttributeFileReader("user", 0, 5, true, List.of(age.bind(1), gender.bind(2)));
 * uuser.read(reader, false, users);
 * }</pre>
 */
public final class AttributeFileReader {
    private final String entity;
    private final int idField;
    private final int fields;
    private final boolean exact;
    private final List<FieldBinding> bindings;

    /**
     * @param entity   "user" or "item", for messages
     * @param idField  the 0-based field holding the id
     * @param fields   how many fields a record has (exactly, or at least)
     * @param exact    whether {@code fields} is exact
     * @param bindings what to read from each record
     */
    public AttributeFileReader(String entity, int idField, int fields, boolean exact, List<FieldBinding> bindings) {
        this.entity = requireNonNull(entity, "entity is null");
        this.idField = idField;
        this.fields = fields;
        this.exact = exact;
        this.bindings = List.copyOf(bindings);
    }

    /**
     * Reads every remaining record.
     *
     * @return how many records were stored
     * @throws dev.m6rec.api.DataException on a malformed record (unless skipping) or when no record is valid
     */
    public int read(RecordReader reader, boolean afterHeader, ByteStringIndex ids) {
        long[] firstLine = new long[ids.size() + 16];
        int stored = 0;
        while (reader.next()) {
            try {
                if (exact) {
                    reader.expectFields(fields);
                } else {
                    reader.expectAtLeastFields(fields);
                }
                for (FieldBinding binding : bindings) {
                    binding.stage(reader);
                }
                int seen = reader.findId(ids, idField);
                if (seen >= 0 && seen < firstLine.length && firstLine[seen] != 0) {
                    throw new MalformedRecordException("duplicate " + entity + " id '" + reader.show(idField)
                            + "' (first on line " + firstLine[seen] + ")");
                }
                int row = reader.addId(ids, idField, entity + " id");
                if (row >= firstLine.length) {
                    firstLine = Arrays.copyOf(firstLine, Math.max(row + 1, firstLine.length * 2));
                }
                firstLine[row] = reader.line();
                for (FieldBinding binding : bindings) {
                    binding.commit(row);
                }
                stored++;
            } catch (MalformedRecordException e) {
                reader.reject(e);
            }
        }
        if (stored == 0) {
            throw InteractionFileReader.noRows(reader, afterHeader);
        }
        return stored;
    }
}
