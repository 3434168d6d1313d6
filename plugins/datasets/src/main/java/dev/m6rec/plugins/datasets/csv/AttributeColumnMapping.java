package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.config.Problems;
import dev.m6rec.api.data.AttributeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code columns} mapping of an attribute file. Its keys are the file's own columns, so
 * it is the one free-form part of the {@code csv} section: each value is a kind, or a mapping
 * {@code { type, name, separator }}. Without a header the keys are 0-based positions and every
 * column needs a name.
 *
 * <pre>{@code
 * columns: { age: numeric, genres: { type: tags, separator: "|" } }
 * columns: { 1: { type: text, name: title }, 3: { type: numeric, name: year } }   # header: false
 * }</pre>
 */
final class AttributeColumnMapping {
    private static final List<String> COLUMN_KEYS = List.of("type", "name", "separator");
    private static final List<String> KINDS = List.of("numeric", "categorical", "tags", "text");
    private static final String DEFAULT_SEPARATOR = "|";

    private AttributeColumnMapping() {
    }

    /** The columns the mapping at {@code at} asks for; problems name keys under {@code at}. */
    static List<AttributeColumnSpec> read(String at, Map<String, Object> mapping, boolean header, Problems problems) {
        List<AttributeColumnSpec> columns = new ArrayList<>();
        Map<String, String> namesUsed = new HashMap<>();
        for (Map.Entry<?, ?> entry : mapping.entrySet()) {
            String key = String.valueOf(entry.getKey());
            AttributeColumnSpec spec = column(at + "." + key, key, entry.getValue(), header, problems);
            if (spec != null) {
                String previous = namesUsed.putIfAbsent(spec.name(), key);
                if (previous != null) {
                    problems.add(at + "." + key, "attribute name '" + spec.name() + "' is already used by column "
                            + previous);
                } else {
                    columns.add(spec);
                }
            }
        }
        return columns;
    }

    private static AttributeColumnSpec column(String at, String key, Object value, boolean header, Problems problems) {
        Integer index = header ? null : ColumnRef.position(key);
        if (!header && index == null) {
            problems.add(at, "expected a 0-based column index as key because header is false (was '" + key + "')");
            return null;
        }
        ColumnRef source = header ? ColumnRef.named(key) : ColumnRef.at(index);
        String type;
        String name = header ? key : null;
        String separator = DEFAULT_SEPARATOR;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> spec = new HashMap<>();
            map.forEach((k, v) -> spec.put(String.valueOf(k), v));
            for (String k : spec.keySet()) {
                if (!COLUMN_KEYS.contains(k)) {
                    problems.add(at + "." + k, "unknown key; valid keys are " + COLUMN_KEYS);
                }
            }
            type = string(at + ".type", spec.get("type"), "one of " + KINDS, problems);
            String given = string(at + ".name", spec.get("name"), null, problems);
            if (given != null) {
                name = given;
            } else if (!header) {
                problems.add(at + ".name", "required when header is false (the attribute's name)");
            }
            String sep = string(at + ".separator", spec.get("separator"), null, problems);
            if (sep != null) {
                if (!"tags".equals(type)) {
                    problems.add(at + ".separator", "applies only to type tags");
                } else if (sep.isEmpty()) {
                    problems.add(at + ".separator", "must not be empty");
                }
                separator = sep;
            }
            if (type == null) {
                return null;
            }
            at = at + ".type";
        } else if (value instanceof String s) {
            type = s.strip();
            if (!header) {
                problems.add(at, "needs a name when header is false, e.g. { type: " + type + ", name: age }");
                return null;
            }
        } else {
            problems.add(at, "expected a type (one of " + KINDS + ") or a mapping with type (was " + show(value) + ")");
            return null;
        }
        if (!KINDS.contains(type)) {
            problems.add(at, "must be one of " + KINDS + " (was '" + type + "')");
            return null;
        }
        if (name == null) {
            return null;
        }
        return new AttributeColumnSpec(source, name, AttributeKind.valueOf(type.toUpperCase(Locale.ROOT)), separator);
    }

    /** A string value; null when absent (a problem when {@code required} says what is needed) or not a string. */
    private static String string(String at, Object value, String required, Problems problems) {
        if (value == null) {
            if (required != null) {
                problems.add(at, "required (" + required + ")");
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(at, "expected a string (was " + show(value) + ")");
            return null;
        }
        return String.valueOf(value);
    }

    private static String show(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
