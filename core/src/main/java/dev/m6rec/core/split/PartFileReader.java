package dev.m6rec.core.split;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.IdIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a presplit file laid out like the common interaction files:
 * {@code user<sep>item[<sep>rating[<sep>timestamp]]} per line (MovieLens' u1.base / u1.test,
 * ratings.dat, ratings.csv). Only the ids and, when matching by time, the timestamp are read; the
 * rating is not (the dataset's own row supplies it). Blank lines are skipped. Rows land in
 * primitive arrays, ids resolved on the fly.
 */
final class PartFileReader {
    private final String delimiter;
    private final boolean header;
    private final boolean withTime;

    /**
     * @param delimiter between fields, or null to detect it from the first data line (tab, then
     *                  {@code ::}, then comma, then semicolon, else a space)
     * @param header    whether the first line is a header to skip
     * @param withTime  whether the 4th field (timestamp, epoch seconds) is read and required
     */
    PartFileReader(String delimiter, boolean header, boolean withTime) {
        this.delimiter = delimiter;
        this.header = header;
        this.withTime = withTime;
    }

    PartFile read(Path file, IdIndex userIds, IdIndex itemIds) {
        Objects.requireNonNull(file, "file is null");
        int[] users = new int[1024];
        int[] items = new int[1024];
        long[] times = withTime ? new long[1024] : null;
        int size = 0;
        String separator = delimiter;
        String[] fields = new String[4];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if ((header && lineNumber == 1) || line.isBlank()) {
                    continue;
                }
                if (separator == null) {
                    separator = detect(line);
                }
                int count = split(line, separator, fields);
                if (count < 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
                    throw new DataException(file, lineNumber, "expected user, item[, rating[, timestamp]] separated by "
                            + show(separator) + ", found '" + line + "'");
                }
                if (size == users.length) {
                    users = Arrays.copyOf(users, size * 2);
                    items = Arrays.copyOf(items, size * 2);
                    times = withTime ? Arrays.copyOf(times, size * 2) : null;
                }
                users[size] = userIds.indexOf(fields[0]);
                items[size] = itemIds.indexOf(fields[1]);
                if (withTime) {
                    times[size] = timestamp(file, lineNumber, count, fields[3]);
                }
                size++;
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file not found");
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e.getMessage());
        }
        return new PartFile(file, size, users, items, times);
    }

    private static long timestamp(Path file, long lineNumber, int count, String field) {
        if (count < 4) {
            throw new DataException(file, lineNumber, "expected a timestamp in field 4 to match rows by (user, item, "
                    + "timestamp), found " + count + " fields (match: user-item matches without time)");
        }
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new DataException(file, lineNumber, "timestamp '" + field + "' is not whole epoch seconds");
        }
    }

    /** Puts the first (up to) four fields, trimmed, into {@code fields}; returns the field count. */
    private static int split(String line, String separator, String[] fields) {
        int count = 0;
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            if (count < fields.length) {
                fields[count] = (end < 0 ? line.substring(start) : line.substring(start, end)).trim();
            }
            count++;
            if (end < 0) {
                return count;
            }
            start = end + separator.length();
        }
    }

    private static String detect(String line) {
        for (String candidate : new String[] {"\t", "::", ",", ";"}) {
            if (line.contains(candidate)) {
                return candidate;
            }
        }
        return " ";
    }

    private static String show(String separator) {
        return switch (separator) {
            case "\t" -> "<tab>";
            case " " -> "<space>";
            default -> "'" + separator + "'";
        };
    }
}
