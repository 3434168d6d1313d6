package dev.m6rec.plugins.features;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns a date attribute into days since 1970-01-01 (NaN when missing or unreadable): numbers in
 * a declared unit ({@code seconds}, {@code days}, {@code year}); text as ISO {@code 2020-01-31},
 * MovieLens' {@code 01-Jan-1995}, or a bare year.
 */
final class DateParser {
    private static final double DAYS_PER_YEAR = 365.2425;
    private static final DateTimeFormatter MOVIELENS = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private DateParser() {
    }

    static double fromNumber(float value, String unit) {
        if (!Float.isFinite(value)) {
            return Double.NaN;
        }
        return switch (unit) {
            case "seconds" -> value / 86_400.0;
            case "days" -> value;
            case "year" -> (value - 1970) * DAYS_PER_YEAR;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    static double fromText(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String s = text.trim();
        try {
            if (s.matches("\\d{4}")) {
                return (Integer.parseInt(s) - 1970) * DAYS_PER_YEAR;
            }
            LocalDate date = s.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4}") ? LocalDate.parse(capitalised(s), MOVIELENS)
                    : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            return date.toEpochDay();
        } catch (DateTimeParseException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Years since 1970 of a day count. */
    static double year(double days) {
        return 1970 + days / DAYS_PER_YEAR;
    }

    /** Years between a date and a later reference day. */
    static double ageYears(double days, double referenceDays) {
        return (referenceDays - days) / DAYS_PER_YEAR;
    }

    private static String capitalised(String s) {
        int dash = s.indexOf('-');
        return s.substring(0, dash + 1) + Character.toUpperCase(s.charAt(dash + 1))
                + s.substring(dash + 2, dash + 4).toLowerCase(Locale.ROOT) + s.substring(dash + 4);
    }
}
