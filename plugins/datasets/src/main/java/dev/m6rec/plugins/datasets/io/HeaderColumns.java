package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import java.util.List;

/**
 * The column names of a file's header line, to find fields by name. A missing required column
 * fails naming the file, the header's line and what the header does hold.
 *
 * <pre>{@code
 * HeaderColumns header = HeaderColumns.read(reader);
 * int rating = header.require("rating");   // "ratings.csv:1: missing column 'rating' (header has userId, movieId)"
 * }</pre>
 */
public final class HeaderColumns {
    private static final int SHOWN = 30;
    private static final int NAME_CHARS = 60;
    private final RecordReader reader;
    private final long line;
    private final List<String> names;

    private HeaderColumns(RecordReader reader, long line, List<String> names) {
        this.reader = reader;
        this.line = line;
        this.names = List.copyOf(names);
    }

    /** Reads the next record of {@code reader} as the header ("is empty" when there is none). */
    public static HeaderColumns read(RecordReader reader) {
        requireNonNull(reader, "reader is null");
        List<String> names = reader.header();
        return new HeaderColumns(reader, reader.line(), names);
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** The position of a column, or -1 when the header has no such column. */
    public int find(String name) {
        return names.indexOf(name);
    }

    /** The position of a column that must be there. */
    public int require(String name) {
        int index = find(name);
        if (index < 0) {
            throw new DataException(reader.file(), line, missing(name));
        }
        return index;
    }

    /**
     * Why {@code name} is not a column: what the header holds (at most {@value #SHOWN} names of at
     * most {@value #NAME_CHARS} characters: a file read with the wrong delimiter or an unclosed quote
     * can make its whole content one "name"), and the column it differs from only in case.
     */
    public String missing(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, names.size()); i++) {
            String n = names.get(i);
            shown.append(i == 0 ? "" : ", ").append(n.length() <= NAME_CHARS ? n
                    : n.substring(0, NAME_CHARS) + "... (" + n.length() + " characters)");
        }
        if (names.size() > SHOWN) {
            shown.append(", ... (").append(names.size()).append(" columns)");
        }
        String hint = names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                .map(n -> "; did you mean '" + n + "'?").orElse("");
        return "missing column '" + name + "' (header has " + shown + ")" + hint;
    }
}
