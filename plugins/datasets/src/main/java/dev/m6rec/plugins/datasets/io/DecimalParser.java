package dev.m6rec.plugins.datasets.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from the bytes of a field, without making a String: the hot
 * path of every loader (ratings, timestamps). Plain decimals ({@code 4}, {@code 3.5},
 * {@code -0.25}, {@code 881250949}) take an exact fast path; anything else (exponents, many
 * digits) falls back to the JDK parser, so the result always equals {@link Float#parseFloat} /
 * {@link Double#parseDouble} of the same text. Spaces around the number are ignored. Words the
 * JDK would accept ({@code NaN}, {@code Infinity}, {@code 1.5f}, hex) are not numbers here.
 */
public final class DecimalParser {
    /** No long value parses to this, so it signals "not a number" from {@link #parseLong}. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /** The float value of {@code bytes[start, end)}, or NaN when it is not a decimal number (or empty). */
    public static float parseFloat(byte[] bytes, int start, int end) {
        // The fast path is exact for at most 15 significant digits and 8 decimals: the double
        // quotient is correctly rounded and cannot sit close enough to a float rounding midpoint
        // for the second rounding (double -> float) to differ from rounding the exact value.
        return (float) parse(bytes, start, end, 8, true);
    }

    /** The double value of {@code bytes[start, end)}, or NaN when it is not a decimal number (or empty). */
    public static double parseDouble(byte[] bytes, int start, int end) {
        return parse(bytes, start, end, 22, false);
    }

    /**
     * A whole number; decimals are truncated toward zero ({@code 881250949.0} gives 881250949).
     * Returns {@link #NOT_A_LONG} when the field is not a number (or empty).
     */
    public static long parseLong(byte[] bytes, int start, int end) {
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        int p = start;
        boolean negative = false;
        if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
            negative = bytes[p] == '-';
            p++;
        }
        if (p == end || end - p > 18) {
            return slowLong(bytes, start, end);
        }
        long value = 0;
        for (; p < end; p++) {
            int digit = bytes[p] - '0';
            if (digit < 0 || digit > 9) {
                return slowLong(bytes, start, end);
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static long slowLong(byte[] bytes, int start, int end) {
        double value = parse(bytes, start, end, 22, false);
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 0x1p63) {
            return NOT_A_LONG;
        }
        return (long) value;
    }

    private static double parse(byte[] bytes, int start, int end, int maxFastDecimals, boolean asFloat) {
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        int p = start;
        boolean negative = false;
        if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
            negative = bytes[p] == '-';
            p++;
        }
        long mantissa = 0;
        boolean sawDigit = false;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        for (; p < end; p++) {
            byte b = bytes[p];
            if (b >= '0' && b <= '9') {
                sawDigit = true;
                if (mantissa != 0 || b != '0') {
                    digits++; // leading zeros are not significant digits
                }
                mantissa = mantissa * 10 + (b - '0');
                if (point) {
                    decimals++;
                }
                if (digits > 15) {
                    return slow(bytes, start, end, asFloat);
                }
            } else if (b == '.' && !point) {
                point = true;
            } else {
                return slow(bytes, start, end, asFloat);
            }
        }
        if (!sawDigit) {
            return Double.NaN;
        }
        if (decimals > maxFastDecimals) {
            return slow(bytes, start, end, asFloat);
        }
        double value = mantissa / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }

    private static double slow(byte[] bytes, int start, int end, boolean asFloat) {
        for (int p = start; p < end; p++) {
            byte b = bytes[p];
            boolean allowed = (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
            if (!allowed) {
                return Double.NaN;
            }
        }
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        try {
            return asFloat ? Float.parseFloat(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }
}
