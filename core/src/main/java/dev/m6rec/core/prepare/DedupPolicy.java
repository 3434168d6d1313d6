package dev.m6rec.core.prepare;

import java.util.Locale;

/**
 * What to do with a (user, item) pair that occurs more than once ({@code filter.dedup}). "First"
 * and "last" are by timestamp, ties (and data without timestamps) by file order; "max" keeps the
 * highest rating, the latest of equal ratings (without ratings it behaves like "last").
 */
public enum DedupPolicy {
    /** Keep every row: repeated consumption is signal (re-listening, re-buying). */
    NONE,
    /** Keep the earliest row of each pair. */
    FIRST,
    /** Keep the latest row: the user's most recent opinion wins. */
    LAST,
    /** Keep the row with the highest rating. */
    MAX;

    /** The YAML spelling: {@code none}, {@code first}, {@code last}, {@code max}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy a YAML value names; the schema has already checked it is one of the four. */
    public static DedupPolicy fromConfigName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
