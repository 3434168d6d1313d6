package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressTask;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the records (lines) of a delimited text file and splits each into fields that stay
 * byte ranges of one reused buffer: reading a record allocates nothing, and numbers and ids are
 * decoded straight from the bytes ({@link DecimalParser}, {@link ByteStringIndex}). With quoting
 * on (single-byte delimiters only) fields follow RFC 4180: a field that starts with {@code "} may
 * hold delimiters, line breaks and doubled quotes. Blank lines are skipped; {@code \r\n} line
 * ends and a UTF-8 byte order mark are accepted.
 *
 * <p>Every loader reads through this class, so the bounds on input live here once: a record longer
 * than {@link #MAX_RECORD_BYTES} fails (even under {@code on-error: skip}: skipping it would mean
 * reading it, and {@code /dev/zero} never ends); a field with a NUL byte or bytes invalid in the
 * charset, and a number that is not finite ({@code 1e39} overflows a float), are malformed records.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReader.open(file, Delimiter.TAB, false, StandardCharsets.UTF_8, OnError.FAIL)) {
 *     while (reader.next()) {
 *         try {
 *             reader.expectFields(4);
 *             float rating = reader.number(2, "rating");
 *             ...
 *         } catch (MalformedRecordException e) {
 *             reader.reject(e);          // fail naming file:line, or count and skip
 *         }
 *     }
 * }
 * }</pre>
 */
public final class RecordReader implements Closeable {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    /** The longest record (line, or lines of one quoted record) read; no real dataset line comes close. */
    public static final int MAX_RECORD_BYTES = 1 << 20;
    private static final int MAX_SHOWN = 60;
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;

    private final Path file;
    private final InputStream in;
    private final Delimiter delimiter;
    private final byte[] delimiterBytes;
    private final byte delimiterByte;
    private final boolean singleByteDelimiter;
    private final boolean quoting;
    private final Charset charset;
    private final OnError onError;
    private final FieldEncodingCheck encoding;
    private byte[] buffer;
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private long line;
    private int fieldCount;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private long skipped;
    /** Where records read are counted, in steps of {@link #REPORT_EVERY}, or null. */
    private ProgressTask progress;
    private int unreported;
    static final int REPORT_EVERY = 1 << 16;

    private RecordReader(Path file, InputStream in, Delimiter delimiter, boolean quoting, Charset charset,
                         OnError onError, int bufferSize) {
        this.file = file;
        this.in = in;
        this.delimiter = delimiter;
        this.delimiterBytes = delimiter.rawBytes();
        this.delimiterByte = delimiterBytes[0];
        this.singleByteDelimiter = delimiterBytes.length == 1;
        this.quoting = quoting && singleByteDelimiter;
        this.charset = charset;
        this.onError = onError;
        this.encoding = new FieldEncodingCheck(charset);
        this.buffer = new byte[bufferSize];
    }

    /**
     * Opens {@code file}; quoting applies only to single-byte delimiters.
     *
     * @throws DataException when the file does not exist, is a directory or cannot be read
     */
    public static RecordReader open(Path file, Delimiter delimiter, boolean quoting, Charset charset, OnError onError) {
        return open(file, delimiter, quoting, charset, onError, DEFAULT_BUFFER_SIZE);
    }

    static RecordReader open(Path file, Delimiter delimiter, boolean quoting, Charset charset, OnError onError,
                             int bufferSize) {
        requireNonNull(file, "file is null");
        requireNonNull(delimiter, "delimiter is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(onError, "onError is null");
        if (Files.isDirectory(file)) {
            throw new DataException(file, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw new DataException(file, "does not exist");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")");
        }
        RecordReader reader = new RecordReader(file, in, delimiter, quoting, charset, onError, bufferSize);
        reader.skipByteOrderMark();
        return reader;
    }

    public Path file() {
        return file;
    }

    public Delimiter delimiter() {
        return delimiter;
    }

    /** The 1-based line on which the current record starts. */
    public long line() {
        return line;
    }

    /** Lines rejected so far under {@code on-error: skip}. */
    public long skipped() {
        return skipped;
    }

    /**
     * Counts the records read from now on into {@code task} (every {@value #REPORT_EVERY} records,
     * and the rest at the end of the file), so loading shows rows/s.
     */
    public RecordReader reportTo(ProgressTask task) {
        this.progress = requireNonNull(task, "task is null");
        return this;
    }

    /** Advances to the next non-blank record; false at the end of the file. */
    public boolean next() {
        boolean found = advance(false);
        if (progress != null && (found ? ++unreported == REPORT_EVERY : unreported > 0)) {
            progress.advance(unreported);
            unreported = 0;
        }
        return found;
    }

    /**
     * {@link #next}; a record whose bytes are malformed is rejected, or, when {@code strict}, always
     * fails (a header cannot be skipped: the next line would be read as the header).
     */
    private boolean advance(boolean strict) {
        while (true) {
            int found = readRecord();
            if (found < 0) {
                return false;
            }
            if (found > 0) {
                String problem = encoding.problem(buffer, starts, ends, fieldCount);
                if (problem == null) {
                    return true;
                }
                if (strict) {
                    throw new DataException(file, line, problem);
                }
                reject(new MalformedRecordException(problem));
            }
        }
    }

    /**
     * Reads the next record as a header of column names; malformed bytes in it fail even under
     * {@code on-error: skip}.
     *
     * @throws DataException when the file has no record at all ("is empty")
     */
    public List<String> header() {
        if (!advance(true)) {
            throw new DataException(file, "is empty");
        }
        List<String> names = new ArrayList<>(fieldCount);
        for (int f = 0; f < fieldCount; f++) {
            names.add(text(f).strip());
        }
        return names;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** Fails the record unless it has exactly {@code expected} fields. */
    public void expectFields(int expected) {
        if (fieldCount != expected) {
            throw new MalformedRecordException("expected " + expected + " " + delimiter.describe() + " fields, found "
                    + fieldCount);
        }
    }

    /** Fails the record unless it has at least {@code expected} fields. */
    public void expectAtLeastFields(int expected) {
        if (fieldCount < expected) {
            throw new MalformedRecordException("expected at least " + expected + " " + delimiter.describe()
                    + " fields, found " + fieldCount);
        }
    }

    public boolean isEmpty(int field) {
        return starts[field] == ends[field];
    }

    /** The field decoded as text (empty string when empty). */
    public String text(int field) {
        return new String(buffer, starts[field], ends[field] - starts[field], charset);
    }

    /** The field as text, or {@code null} when it is empty or only spaces. */
    public String textOrNull(int field) {
        String text = text(field).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * A required finite number; fails the record with "{what} 'x' is not a number", or "is not a
     * finite number" when it overflows a float ({@code 1e39}, {@code 1e309}).
     */
    public float number(int field, String what) {
        float value = DecimalParser.parseFloat(buffer, starts[field], ends[field]);
        if (Float.isNaN(value)) {
            throw notANumber(field, what);
        }
        if (Float.isInfinite(value)) {
            throw new MalformedRecordException(what + " '" + show(field) + "' is not a finite number");
        }
        return value;
    }

    /** A number that may be missing: NaN when the field is empty, else as {@link #number}. */
    public float optionalNumber(int field, String what) {
        if (isBlank(field)) {
            return Float.NaN;
        }
        return number(field, what);
    }

    /** A required whole number (decimals truncated); fails with "{what} 'x' is not a number". */
    public long wholeNumber(int field, String what) {
        long value = DecimalParser.parseLong(buffer, starts[field], ends[field]);
        if (value == DecimalParser.NOT_A_LONG) {
            throw notANumber(field, what);
        }
        return value;
    }

    /** The dense index of the field's id in {@code ids} (added when new); fails when the field is empty. */
    public int addId(ByteStringIndex ids, int field, String what) {
        int length = ends[field] - starts[field];
        if (length == 0) {
            throw new MalformedRecordException("empty " + what);
        }
        return ids.add(buffer, starts[field], length);
    }

    /** The dense index of the field's id in {@code ids}, or -1 when it is not there. */
    public int findId(ByteStringIndex ids, int field) {
        return ids.indexOf(buffer, starts[field], ends[field] - starts[field]);
    }

    /** The field split at {@code separator}; tokens are stripped of spaces and empty ones dropped. */
    public String[] tokens(int field, String separator) {
        String text = text(field);
        if (text.isBlank()) {
            return new String[0];
        }
        List<String> tokens = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int to = text.indexOf(separator, from);
            if (to < 0) {
                to = text.length();
            }
            String token = text.substring(from, to).strip();
            if (!token.isEmpty()) {
                tokens.add(token);
            }
            from = to + separator.length();
        }
        return tokens.toArray(new String[0]);
    }

    /** A short quote of the field for messages. */
    public String show(int field) {
        String text = text(field);
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /**
     * Deals with a malformed record: with {@code on-error: fail} throws a {@link DataException}
     * naming file and line, with {@code skip} counts it.
     */
    public void reject(MalformedRecordException problem) {
        if (onError == OnError.FAIL) {
            throw new DataException(file, line, problem.getMessage());
        }
        skipped++;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new DataException(file, "cannot be closed (" + e.getMessage() + ")");
        }
    }

    private boolean isBlank(int field) {
        for (int p = starts[field]; p < ends[field]; p++) {
            if (buffer[p] != ' ' && buffer[p] != '\t') {
                return false;
            }
        }
        return true;
    }

    private MalformedRecordException notANumber(int field, String what) {
        return new MalformedRecordException(what + " '" + show(field) + "' is not a number");
    }

    /** 1 for a record, 0 for a blank line, -1 at the end of the file. */
    private int readRecord() {
        while (true) {
            byte[] b = buffer;
            int lim = limit;
            int p = pos;
            int n = 0;
            starts[0] = p;
            boolean needMore = false;
            while (p < lim) {
                byte c = b[p];
                if (c == '\n') {
                    return finish(p, n, p + 1);
                }
                if (c == delimiterByte) {
                    if (singleByteDelimiter) {
                        n = boundary(n, p, p + 1);
                    } else if (p + delimiterBytes.length <= lim) {
                        if (matchesDelimiter(b, p)) {
                            n = boundary(n, p, p + delimiterBytes.length);
                            p += delimiterBytes.length;
                            continue;
                        }
                    } else if (!eof) {
                        needMore = true;
                        break;
                    }
                } else if (c == '"' && quoting && p == starts[n]) {
                    return readQuotedRecord();
                }
                p++;
            }
            if (eof && !needMore) {
                if (pos == limit) {
                    return -1;
                }
                return finish(limit, n, limit);
            }
            fill();
        }
    }

    private boolean matchesDelimiter(byte[] b, int p) {
        for (int k = 1; k < delimiterBytes.length; k++) {
            if (b[p + k] != delimiterBytes[k]) {
                return false;
            }
        }
        return true;
    }

    private int boundary(int n, int end, int nextStart) {
        if (n + 1 == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[n] = end;
        starts[n + 1] = nextStart;
        return n + 1;
    }

    private int finish(int end, int n, int nextPos) {
        if (end > starts[n] && buffer[end - 1] == '\r') {
            end--;
        }
        ends[n] = end;
        fieldCount = n + 1;
        line = nextLine++;
        pos = nextPos;
        return n == 0 && starts[0] == end ? 0 : 1;
    }

    /** The slow path: a record with a quoted field, which may span lines. */
    private int readQuotedRecord() {
        int state = FIELD_START;
        int p = pos;
        int newlines = 0;
        while (true) {
            if (p == limit) {
                if (eof) {
                    line = nextLine;
                    nextLine += newlines + 1;
                    int start = pos;
                    pos = limit;
                    if (state == QUOTED) {
                        fieldCount = 0;
                        reject(new MalformedRecordException("unterminated quoted field"));
                        return 0;
                    }
                    splitQuoted(start, limit);
                    return 1;
                }
                int offset = p - pos;
                fill();
                p = pos + offset;
                continue;
            }
            byte c = buffer[p];
            switch (state) {
                case FIELD_START:
                    state = c == '"' ? QUOTED : c == delimiterByte ? FIELD_START : UNQUOTED;
                    break;
                case UNQUOTED:
                    state = c == delimiterByte ? FIELD_START : UNQUOTED;
                    break;
                case QUOTED:
                    state = c == '"' ? AFTER_QUOTE : QUOTED;
                    break;
                default: // AFTER_QUOTE: a doubled quote, the end of the field, or stray text after it
                    state = c == '"' ? QUOTED : c == delimiterByte ? FIELD_START : UNQUOTED;
                    break;
            }
            if (c == '\n') {
                if (state != QUOTED) {
                    line = nextLine;
                    nextLine += newlines + 1;
                    int start = pos;
                    int end = p > start && buffer[p - 1] == '\r' ? p - 1 : p;
                    pos = p + 1;
                    splitQuoted(start, end);
                    return 1;
                }
                newlines++;
            }
            p++;
        }
    }

    /** Splits {@code buffer[start, end)} into fields, unquoting in place (the text only shrinks). */
    private void splitQuoted(int start, int end) {
        int n = 0;
        int r = start;
        while (true) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = r;
            int w = r;
            if (r < end && buffer[r] == '"') {
                r++;
                while (r < end) {
                    byte c = buffer[r];
                    if (c == '"') {
                        if (r + 1 < end && buffer[r + 1] == '"') {
                            buffer[w++] = '"';
                            r += 2;
                            continue;
                        }
                        r++;
                        break;
                    }
                    buffer[w++] = c;
                    r++;
                }
            }
            while (r < end && buffer[r] != delimiterByte) {
                buffer[w++] = buffer[r++];
            }
            ends[n++] = w;
            if (r >= end) {
                break;
            }
            r++;
        }
        fieldCount = n;
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            // The buffer holds only the current record: it has no end within the bound.
            if (buffer.length >= MAX_RECORD_BYTES) {
                throw new DataException(file, nextLine, "line longer than " + (MAX_RECORD_BYTES >> 20)
                        + " MiB; is this a text file of records?");
            }
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_RECORD_BYTES));
        }
        try {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private void skipByteOrderMark() {
        while (limit < 3 && !eof) {
            fill();
        }
        if (charset.equals(StandardCharsets.UTF_8) && limit >= 3
                && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            pos = 3;
        }
    }
}
