package dev.m6rec.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key path into a config tree, as used by {@code --set}, search spaces and messages: dotted
 * keys with list indexes, {@code interest.hidden[1]} or {@code features.user[0].type}. A purely
 * numeric key ({@code interest.hidden.0}) indexes a list when the value there is a list, so both
 * spellings address the same element.
 *
 * <pre>{@code
 * ConfigPath.parse("features.user[1].type").set(tree, "numeric");
 * Optional<Object> epochs = ConfigPath.parse("interest.epochs").get(tree);
 * }</pre>
 */
public final class ConfigPath {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]\\s=]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** A String (a mapping key) or an Integer (a list index given in brackets). */
    private final List<Object> segments;

    private ConfigPath(List<Object> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Parses a path; throws {@link IllegalArgumentException} naming it when malformed. */
    public static ConfigPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("invalid key path '" + text + "'");
        }
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid key path '" + text + "'");
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                try {
                    segments.add(Integer.valueOf(index.group(1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid key path '" + text + "': index too large", e);
                }
            }
        }
        return new ConfigPath(segments);
    }

    /** {@code prefix.key}, or {@code key} at the top level. */
    public static String key(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** {@code prefix[index]}. */
    public static String index(String prefix, int index) {
        return prefix + "[" + index + "]";
    }

    /** The value at this path, if every step exists. */
    public Optional<Object> get(Map<String, Object> tree) {
        Object current = tree;
        for (Object segment : segments) {
            if (current instanceof Map<?, ?> map && segment instanceof String key && map.containsKey(key)) {
                current = map.get(key);
            } else if (current instanceof List<?> list && indexOf(segment) >= 0 && indexOf(segment) < list.size()) {
                current = list.get(indexOf(segment));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * Sets the value at this path in a mutable tree, creating missing mappings and lists; an
     * index may replace an element or append one right after the last. Throws
     * {@link IllegalArgumentException} (message without the path) when the tree is in the way.
     */
    @SuppressWarnings("unchecked")
    public void set(Map<String, Object> tree, Object value) {
        Object container = tree;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            Object next = last ? null : segments.get(i + 1);
            if (container instanceof List<?> raw && indexOf(segment) >= 0) {
                List<Object> list = (List<Object>) raw;
                int index = indexOf(segment);
                if (index > list.size()) {
                    throw new IllegalArgumentException("index " + index + " is past the end of '" + walked
                            + "' (" + list.size() + " elements)");
                }
                if (last) {
                    if (index == list.size()) {
                        list.add(value);
                    } else {
                        list.set(index, value);
                    }
                    return;
                }
                if (index == list.size()) {
                    list.add(newContainer(next));
                }
                container = list.get(index);
            } else if (container instanceof Map<?, ?> raw && segment instanceof String key) {
                Map<String, Object> map = (Map<String, Object>) raw;
                if (last) {
                    map.put(key, value);
                    return;
                }
                if (map.get(key) == null) {
                    map.put(key, newContainer(next));
                }
                container = map.get(key);
            } else {
                String what = container instanceof List<?> ? "a list" : container instanceof Map<?, ?> ? "a mapping"
                        : ConfigTree.describe(container);
                throw new IllegalArgumentException("'" + walked + "' is " + what + ", not "
                        + (segment instanceof Integer ? "a list" : "a mapping"));
            }
            walked.append(segment instanceof Integer n ? "[" + n + "]" : (walked.length() == 0 ? "" : ".") + segment);
        }
    }

    private static Object newContainer(Object nextSegment) {
        return nextSegment instanceof Integer ? new ArrayList<>() : new LinkedHashMap<String, Object>();
    }

    private static int indexOf(Object segment) {
        if (segment instanceof Integer n) {
            return n;
        }
        String s = (String) segment;
        if (DIGITS.matcher(s).matches() && s.length() < 10) {
            return Integer.parseInt(s);
        }
        return -1;
    }

    /** The canonical text: {@code features.user[0].type}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer n) {
                out.append('[').append(n).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
