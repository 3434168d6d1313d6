package dev.m6rec.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a config tree: nested string-keyed maps (in YAML order), lists and scalars
 * (String, Number, Boolean, Date, null). Trees handed out are deep, unmodifiable copies;
 * {@link #mutableCopy} gives a private copy to edit.
 */
final class ConfigTree {
    private ConfigTree() {
    }

    /** A deep copy made of unmodifiable LinkedHashMaps and ArrayLists. */
    static Map<String, Object> frozenCopy(Map<?, ?> tree) {
        return freezeMap(tree);
    }

    /** A deep copy made of LinkedHashMaps and ArrayLists, to edit. */
    static Map<String, Object> mutableCopy(Map<?, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(String.valueOf(k), mutableValue(v)));
        return copy;
    }

    static Object mutableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mutableCopy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(mutableValue(v)));
            return copy;
        }
        return scalar(value);
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freezeValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return scalar(value);
    }

    /** Scalars as YAML would load them; paths and enums from code become strings. */
    private static Object scalar(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        if (value instanceof CharSequence || value instanceof Path || value instanceof Enum<?>) {
            return value.toString();
        }
        throw new IllegalArgumentException("config values are maps, lists, strings, numbers and booleans; got "
                + value.getClass().getName());
    }

    /** How a value is described when it is in the way of a path: "'x'", "20", "a list of 2". */
    static String describe(Object value) {
        return ValueFormat.show(value);
    }
}
