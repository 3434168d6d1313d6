package dev.m6rec.plugins.datasets.io;

import dev.m6rec.api.DataException;

/**
 * Reads the interaction records of a delimited file (user, item, optional rating, optional
 * timestamp at given 0-based field positions) into {@link InteractionColumns}, assigning dense
 * indexes in order of first appearance. The hot loop of every file loader: it allocates nothing
 * per record.
 *
 * <pre>{@code
 * InteractionFileReader udata = InteractionFileReader.exactly(4, 0, 1, 2, 3);
 * int rows = udata.read(reader, false, users, items, columns);
 * }</pre>
 */
public final class InteractionFileReader {
    private final int fields;
    private final boolean exact;
    private final int user;
    private final int item;
    private final int rating;
    private final int timestamp;

    private InteractionFileReader(int fields, boolean exact, int user, int item, int rating, int timestamp) {
        this.fields = fields;
        this.exact = exact;
        this.user = user;
        this.item = item;
        this.rating = rating;
        this.timestamp = timestamp;
    }

    /** Records of exactly {@code fields} fields; {@code rating}/{@code timestamp} are -1 when absent. */
    public static InteractionFileReader exactly(int fields, int user, int item, int rating, int timestamp) {
        return new InteractionFileReader(fields, true, user, item, rating, timestamp);
    }

    /** Records with at least the fields named by the positions; {@code rating}/{@code timestamp} may be -1. */
    public static InteractionFileReader atLeast(int user, int item, int rating, int timestamp) {
        int needed = Math.max(Math.max(user, item), Math.max(rating, timestamp)) + 1;
        return new InteractionFileReader(needed, false, user, item, rating, timestamp);
    }

    /**
     * Reads every remaining record of {@code reader}.
     *
     * @param afterHeader whether a header line was read already (only changes the empty-file message)
     * @return how many rows were added
     * @throws DataException when a record is malformed (unless skipping) or the file holds no valid row
     */
    public int read(RecordReader reader, boolean afterHeader, ByteStringIndex users, ByteStringIndex items,
                    InteractionColumns rows) {
        int before = rows.size();
        while (reader.next()) {
            try {
                if (exact) {
                    reader.expectFields(fields);
                } else {
                    reader.expectAtLeastFields(fields);
                }
                float r = rating >= 0 ? reader.number(rating, "rating") : 1f;
                long t = timestamp >= 0 ? reader.wholeNumber(timestamp, "timestamp") : 0L;
                if (reader.isEmpty(item)) {
                    throw new MalformedRecordException("empty item id");
                }
                int u = reader.addId(users, user, "user id");
                int i = reader.addId(items, item, "item id");
                rows.add(u, i, r, t);
            } catch (MalformedRecordException e) {
                reader.reject(e);
            }
        }
        int added = rows.size() - before;
        if (added == 0) {
            throw noRows(reader, afterHeader);
        }
        return added;
    }

    /** The message for a file that yielded no row: empty, header only, or every line skipped. */
    public static DataException noRows(RecordReader reader, boolean afterHeader) {
        if (reader.skipped() > 0) {
            return new DataException(reader.file(), "has no valid rows (" + reader.skipped() + " lines skipped)");
        }
        return new DataException(reader.file(), afterHeader ? "has a header but no rows" : "is empty");
    }
}
