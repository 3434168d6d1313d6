package dev.m6rec.plugins.datasets.movielens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release year MovieLens writes at the end of a title: {@code Toy Story (1995)},
 * {@code Babylon 5 (1994-1998)} (the first year counts).
 */
final class TitleYear {
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})(?:\\s*[-\u2013]\\s*\\d{0,4})?\\)\\s*$");

    private TitleYear() {
    }

    /** The year, or NaN when the title does not end with one. */
    static float of(String title) {
        if (title == null) {
            return Float.NaN;
        }
        Matcher m = YEAR.matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : Float.NaN;
    }
}
