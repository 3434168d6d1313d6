package dev.m6rec.core.events;

import dev.m6rec.api.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The layout of one event-log segment file, version 1. A 16-byte header: the magic {@code M6EV},
 * the format version (int) and the position of the segment's first event (long). Then records,
 * each {@code int length, int ~length, int crc32c(payload), payload} (the complement tells a
 * damaged length from a record cut short by a crash), the payload being {@code long position,
 * long timestamp, float rating} and three UTF-8 strings (id, user, item), each an int byte count
 * then the bytes. Big-endian throughout.
 *
 * <p>A record cut short at the end of the newest segment is what a crash in the middle of a write
 * leaves; it was never acknowledged (acknowledgement waits for the fsync), so it is dropped. Any
 * other damage is refused with the file and byte offset: skipping it would silently lose an
 * acknowledged event and change the lists users get, so an operator decides.
 */
final class SegmentFormat {
    static final int HEADER_BYTES = 16;
    static final int VERSION = 1;
    /** Largest payload accepted; far above any real event, small enough that a garbage length is caught. */
    static final int MAX_PAYLOAD_BYTES = 4 << 20;
    private static final int MAGIC = 0x4D36_4556; // "M6EV"
    private static final int FIXED_PAYLOAD_BYTES = 8 + 8 + 4 + 3 * 4;
    private static final int RECORD_HEADER_BYTES = 12;

    private SegmentFormat() {
    }

    /** What a scan found: the bytes that hold whole, valid records, and whether a torn tail followed them. */
    record Scan(long validBytes, long firstPosition, long lastPosition, long records, String tornTail) {
    }

    static ByteBuffer header(long firstPosition) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.putInt(MAGIC).putInt(VERSION).putLong(firstPosition).flip();
        return b;
    }

    /** Appends {@code event}'s record to {@code out} (growing it as needed) and returns the buffer. */
    static ByteBuffer encode(LoggedEvent event, ByteBuffer out) {
        byte[] id = event.id().getBytes(StandardCharsets.UTF_8);
        byte[] user = event.user().getBytes(StandardCharsets.UTF_8);
        byte[] item = event.item().getBytes(StandardCharsets.UTF_8);
        int payload = FIXED_PAYLOAD_BYTES + id.length + user.length + item.length;
        if (payload > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("event too large for the log: " + payload + " bytes (at most "
                    + MAX_PAYLOAD_BYTES + ")");
        }
        if (out.remaining() < payload + RECORD_HEADER_BYTES) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2,
                    out.position() + payload + RECORD_HEADER_BYTES));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        int start = out.position();
        out.putInt(payload).putInt(~payload).putInt(0);
        out.putLong(event.position()).putLong(event.timestamp()).putFloat(event.rating());
        out.putInt(id.length).put(id).putInt(user.length).put(user).putInt(item.length).put(item);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start + RECORD_HEADER_BYTES, payload);
        out.putInt(start + 8, (int) crc.getValue());
        return out;
    }

    /**
     * Reads every valid record of {@code file} in order, giving those after position {@code after} to
     * {@code sink}. A torn tail is reported in the result when {@code newest} (only the segment being
     * written can have one); any other damage throws a {@link DataException} naming the file and offset.
     */
    static Scan scan(Path file, boolean newest, long after, Consumer<LoggedEvent> sink) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event log segment " + file, e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES) {
            if (newest) {
                return new Scan(0, -1, -1, 0, "a header cut short (" + bytes.length + " bytes)");
            }
            throw refused(file, 0, "the header is cut short (" + bytes.length + " bytes)");
        }
        if (b.getInt() != MAGIC) {
            throw refused(file, 0, "not an M6-Rec event log segment (wrong magic number)");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw refused(file, 4, "event log format version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        long first = b.getLong();
        long previous = first - 1;
        long records = 0;
        CRC32C crc = new CRC32C();
        while (b.hasRemaining()) {
            int offset = b.position();
            String torn = tornAt(b);
            if (torn != null) {
                if (newest) {
                    return new Scan(offset, first, previous, records, torn + " at byte offset " + offset);
                }
                throw refused(file, offset, torn);
            }
            int length = b.getInt();
            int check = b.getInt();
            int expected = b.getInt();
            if (check != ~length || length < FIXED_PAYLOAD_BYTES || length > MAX_PAYLOAD_BYTES) {
                throw refused(file, offset, "damaged record length " + length);
            }
            crc.reset();
            crc.update(bytes, offset + RECORD_HEADER_BYTES, length);
            if ((int) crc.getValue() != expected) {
                boolean last = offset + RECORD_HEADER_BYTES + length == bytes.length;
                if (newest && last) {
                    return new Scan(offset, first, previous, records, "a last record whose checksum does not match "
                            + "(written only in part) at byte offset " + offset);
                }
                throw refused(file, offset, "checksum mismatch in the record at this offset");
            }
            LoggedEvent event = decode(b, file, offset, length);
            if (event.position() != previous + 1) {
                throw refused(file, offset, "position " + event.position() + " follows " + previous);
            }
            previous = event.position();
            records++;
            if (event.position() > after) {
                sink.accept(event);
            }
        }
        return new Scan(bytes.length, first, previous, records, null);
    }

    /** Why the record starting here is cut short by the end of the file, or null when it is whole. */
    private static String tornAt(ByteBuffer b) {
        int offset = b.position();
        if (allZero(b, offset)) {
            return "zero-filled space after the last record";
        }
        if (b.remaining() < RECORD_HEADER_BYTES) {
            return "a record header cut short";
        }
        int length = b.getInt(offset);
        boolean lengthIntact = b.getInt(offset + 4) == ~length && length >= FIXED_PAYLOAD_BYTES
                && length <= MAX_PAYLOAD_BYTES;
        if (lengthIntact && b.remaining() < RECORD_HEADER_BYTES + length) {
            return "a record cut short (" + (b.remaining() - RECORD_HEADER_BYTES) + " of " + length + " payload bytes)";
        }
        return null;
    }

    private static boolean allZero(ByteBuffer b, int from) {
        for (int i = from; i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static LoggedEvent decode(ByteBuffer b, Path file, int offset, int length) {
        int end = b.position() + length;
        long position = b.getLong();
        long timestamp = b.getLong();
        float rating = b.getFloat();
        String id = string(b, end, file, offset);
        String user = string(b, end, file, offset);
        String item = string(b, end, file, offset);
        if (b.position() != end) {
            throw refused(file, offset, "the record's fields do not fill its length");
        }
        if (position < 1) {
            throw refused(file, offset, "position " + position + " is not positive");
        }
        return new LoggedEvent(position, id, user, item, rating, timestamp);
    }

    private static String string(ByteBuffer b, int end, Path file, int offset) {
        int n = b.getInt();
        if (n < 0 || n > end - b.position()) {
            throw refused(file, offset, "a field length " + n + " runs past the record");
        }
        String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static DataException refused(Path file, long offset, String reason) {
        return new DataException(file.toAbsolutePath(), "byte offset " + offset + ": " + reason
                + "; the event log is refused (restore the segment, or truncate it at this offset to accept losing "
                + "the events from here on)");
    }
}
