package dev.m6rec.core.split;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Where a temporal split cuts: a fixed time ({@code test-from: 2020-01-01} or epoch seconds) or a
 * quantile of the data's timestamps ({@code test-quantile: 0.9}). Interactions at or after the
 * cut-off are on the later side.
 *
 * @param key      the config key it came from ({@code test-from}, {@code valid-quantile}), for messages
 * @param seconds  the fixed cut-off in epoch seconds (when not a quantile)
 * @param quantile the quantile in (0, 1), or NaN for a fixed time
 */
record TimeCutoff(String key, long seconds, double quantile) {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[+-]?\\d+");
    /** {@code Date.toString()} without its day of week and zone name: {@code Jan 01 2020 00:00:00}. */
    private static final DateTimeFormatter DATE_TO_STRING = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.US);
    /** ISO layouts without an offset are read as UTC, like epoch seconds. */
    private static final List<Parser> PARSERS = List.of(
            text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
            text -> LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC),
            text -> OffsetDateTime.parse(text).toEpochSecond(),
            text -> Instant.parse(text).getEpochSecond());

    static TimeCutoff at(String key, long seconds) {
        return new TimeCutoff(key, seconds, Double.NaN);
    }

    static TimeCutoff atQuantile(String key, double quantile) {
        return new TimeCutoff(key, 0, quantile);
    }

    boolean isQuantile() {
        return !Double.isNaN(quantile);
    }

    /**
     * The cut-off time: the fixed time, or for quantile q the timestamp at position
     * {@code floor(q * n)} of the sorted timestamps (ties at that time go to the later side, so its
     * share can exceed {@code 1 - q}).
     */
    long resolve(long[] sortedTimes) {
        return resolve(TemporalCut.SortedTimes.of(sortedTimes));
    }

    /** As {@link #resolve(long[])}, reading the sorted timestamps by position. */
    long resolve(TemporalCut.SortedTimes sortedTimes) {
        if (!isQuantile()) {
            return seconds;
        }
        // The epsilon keeps 0.29 * 100 = 28.999999999999996 at position 29.
        long position = Math.min(sortedTimes.size() - 1L, (long) Math.floor(quantile * sortedTimes.size() + 1e-9));
        return sortedTimes.at(position);
    }

    /** A time for messages: {@code 1577836800 (2020-01-01T00:00:00Z)}. */
    static String show(long seconds) {
        return seconds + " (" + Instant.ofEpochSecond(seconds) + ")";
    }

    /**
     * Epoch seconds from {@code 1577836800}, {@code 2020-01-01} (midnight UTC),
     * {@code 2020-01-01T12:00:00} or {@code 2020-01-01 12:00:00} (UTC) or with an offset
     * ({@code 2020-01-01T12:00:00+02:00}, {@code ...Z}).
     *
     * @throws IllegalArgumentException with the message for the config problem
     */
    static long parseSeconds(String text) {
        return parseSeconds(text, ZoneId.systemDefault());
    }

    /**
     * As {@link #parseSeconds(String)}; {@code zone} is the zone an unquoted YAML date was printed
     * in: SnakeYAML reads {@code test-from: 2020-01-01} as a {@code java.util.Date}, which reaches a
     * string parameter as {@code Date.toString()} ({@code Wed Jan 01 00:00:00 UTC 2020}) in the
     * JVM's zone, whose short name alone can be ambiguous (CST, IST).
     */
    static long parseSeconds(String text, ZoneId zone) {
        String t = text.trim();
        if (EPOCH_SECONDS.matcher(t).matches()) {
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(expectation(text));
            }
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + "T" + t.substring(11) : t;
        for (Parser parser : PARSERS) {
            try {
                return parser.parse(iso);
            } catch (DateTimeException e) {
                // try the next layout
            }
        }
        try {
            return fromDateToString(t, zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(expectation(text));
        }
    }

    /**
     * Reads {@code Wed Jan 01 00:00:00 CST 2020} as a local time in {@code zone}; the zone name is
     * consulted only where a clock time occurs twice (the hour the clocks go back), since parsing
     * zone names in general is slow and ambiguous.
     */
    private static long fromDateToString(String text, ZoneId zone) {
        String[] f = text.split(" ");
        if (f.length != 6) {
            throw new DateTimeException(text);
        }
        LocalDateTime local = LocalDateTime.parse(f[1] + " " + f[2] + " " + f[5] + " " + f[3], DATE_TO_STRING);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 2) {
            String standardName = TimeZone.getTimeZone(zone).getDisplayName(false, TimeZone.SHORT, Locale.US);
            return local.toEpochSecond(offsets.get(f[4].equals(standardName) ? 1 : 0));
        }
        return ZonedDateTime.of(local, zone).toEpochSecond();
    }

    private static String expectation(String text) {
        return "expected epoch seconds or an ISO date such as 2020-01-01 or 2020-01-01T12:00:00Z (was '" + text + "')";
    }

    private interface Parser {
        long parse(String text);
    }
}
