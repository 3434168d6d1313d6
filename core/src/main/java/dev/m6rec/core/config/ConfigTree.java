package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a config tree: nested string-keyed maps (in YAML order), lists and scalars
 * (String, Number, Boolean, Date, null). Trees handed out are deep, unmodifiable copies;
 * {@link #mutableCopy} gives a private copy to edit. Every copy is bounded: at most
 * {@link #MAX_VALUES} values and no value inside itself, both refused with a {@link ConfigException}.
 */
final class ConfigTree {
    /**
     * The most values (scalars, lists and maps) one tree may hold once YAML aliases are expanded.
     * A real config has a few hundred; SnakeYAML shares an aliased node instead of copying it, so
     * 24 nested aliases in 569 bytes stand for 2^24 lists and only the copy would pay for them.
     */
    static final int MAX_VALUES = 100_000;

    private ConfigTree() {
    }

    /** A deep copy made of unmodifiable LinkedHashMaps and ArrayLists. */
    static Map<String, Object> frozenCopy(Map<?, ?> tree) {
        return new Copy(true, "").map(tree);
    }

    /** A deep copy made of LinkedHashMaps and ArrayLists, to edit. */
    static Map<String, Object> mutableCopy(Map<?, ?> tree) {
        return new Copy(false, "").map(tree);
    }

    /** A mutable deep copy of one value; {@code path} is where it goes (named in errors). */
    static Object mutableValue(Object value, String path) {
        return new Copy(false, path).value(value);
    }

    /**
     * One deep copy. It counts the values it makes and keeps the collections it is inside, so an
     * alias that expands too far or contains itself ({@code a: &a [*a]}) is refused by key path
     * instead of filling the heap or the stack.
     */
    private static final class Copy {
        private final boolean frozen;
        private final Deque<String> path = new ArrayDeque<>();
        private final Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Copy(boolean frozen, String root) {
            this.frozen = frozen;
            if (!root.isEmpty()) {
                path.addLast(root);
            }
        }

        Map<String, Object> map(Map<?, ?> map) {
            enter(map);
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                path.addLast(path.isEmpty() ? key : "." + key);
                copy.put(key, value(v));
                path.removeLast();
            });
            enclosing.remove(map);
            return frozen ? Collections.unmodifiableMap(copy) : copy;
        }

        Object value(Object value) {
            if (value instanceof Map<?, ?> map) {
                return map(map);
            }
            if (value instanceof List<?> list) {
                enter(list);
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    path.addLast("[" + i + "]");
                    copy.add(value(list.get(i)));
                    path.removeLast();
                }
                enclosing.remove(list);
                return frozen ? Collections.unmodifiableList(copy) : copy;
            }
            count();
            return scalar(value);
        }

        private void enter(Object collection) {
            count();
            if (!enclosing.add(collection)) {
                throw new ConfigException(where(), "a YAML alias that contains itself (a recursive alias) is not"
                        + " allowed");
            }
        }

        private void count() {
            if (++values > MAX_VALUES) {
                // The first segment names the section or --set key; the full path of an
                // expanded alias can be hundreds of segments long.
                throw new ConfigException(path.isEmpty() ? "<config>" : path.peekFirst(), "holds more than "
                        + MAX_VALUES + " values (counting each use of a YAML alias); a config needs far fewer");
            }
        }

        private String where() {
            return path.isEmpty() ? "<config>" : String.join("", path);
        }
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
