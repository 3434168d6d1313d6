package dev.m6rec.core.config;

import java.util.List;
import java.util.Map;

/** How config values appear in messages: numbers as written, strings quoted. */
final class ValueFormat {
    private ValueFormat() {
    }

    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size();
        }
        return number(value);
    }

    /** A bound or number without a spurious ".0". */
    static String number(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
