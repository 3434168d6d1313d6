package dev.m6rec.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of a single user or item, e.g. a new user known only by age and gender
 * (cold start). Values are numbers, categories, tag lists or text, keyed by attribute name.
 *
 * <pre>{@code
 * Attributes newUser = Attributes.builder().number("age", 31).category("gender", "F").build();
 * }</pre>
 */
public final class Attributes {
    private static final Attributes NONE = new Attributes(Map.of());
    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public java.util.Set<String> names() {
        return values.keySet();
    }

    /** A number, or NaN when absent or not numeric. */
    public float number(String name) {
        return values.get(name) instanceof Float f ? f : Float.NaN;
    }

    /** A category token, or {@code null} when absent. */
    public String category(String name) {
        return values.get(name) instanceof String s ? s : null;
    }

    /** Tags, or an empty list when absent. */
    @SuppressWarnings("unchecked")
    public List<String> tags(String name) {
        return values.get(name) instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Text, or {@code null} when absent. */
    public String text(String name) {
        return category(name);
    }

    /** The raw value (Float, String or List of String), if present. */
    public Optional<Object> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects attribute values; later values for the same name replace earlier ones. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder number(String name, double value) {
            values.put(name, (float) value);
            return this;
        }

        public Builder category(String name, String value) {
            values.put(name, value);
            return this;
        }

        public Builder tags(String name, List<String> value) {
            values.put(name, List.copyOf(value));
            return this;
        }

        public Builder text(String name, String value) {
            values.put(name, value);
            return this;
        }

        public Attributes build() {
            return new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
