package dev.m6rec.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a component accepts. Core validates a component's YAML section against it
 * before anything runs: unknown keys, wrong types, out-of-range values and disallowed choices
 * are all reported together with their key paths.
 *
 * <pre>{@code
 * ConfigSchema.builder()
 *     .intListParam("hidden", List.of(128, 64), "tower widths").greaterThan(0)
 *     .intParam("epochs", 20, "training epochs").atLeast(1)
 *     .floatParam("loss.click", 0.5, "alpha: weight of the click cross-entropy").atLeast(0)
 *     .stringParam("activation", "relu", "tower activation").oneOf("relu", "tanh", "sigmoid")
 *     .build();
 * }</pre>
 */
public final class ConfigSchema {
    private static final ConfigSchema EMPTY = new ConfigSchema(List.of());
    private final Map<String, ParamSpec> params;

    private ConfigSchema(List<ParamSpec> params) {
        Map<String, ParamSpec> byKey = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("parameter declared twice: " + p.key());
            }
        }
        this.params = java.util.Collections.unmodifiableMap(byKey);
    }

    /** A component with no parameters besides {@code type}. */
    public static ConfigSchema empty() {
        return EMPTY;
    }

    /** The schema a settings record declares with {@link Param} (see {@link SettingsRecords}). */
    public static ConfigSchema of(Class<? extends Record> settings) {
        return SettingsRecords.schema(settings);
    }

    static ConfigSchema of(List<ParamSpec> params) {
        return new ConfigSchema(params);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declared parameters in declaration order. */
    public List<ParamSpec> params() {
        return List.copyOf(params.values());
    }

    public Optional<ParamSpec> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** Builds a schema; each {@code xxxParam} call may be followed by constraints on that parameter. */
    public static final class Builder {
        private final List<ParamSpec> done = new ArrayList<>();
        private String key;
        private ParamType type;
        private Object defaultValue;
        private boolean required;
        private Double min;
        private boolean minInclusive;
        private Double max;
        private boolean maxInclusive;
        private List<String> choices = List.of();
        private String description;

        private Builder() {
        }

        public Builder intParam(String key, Integer defaultValue, String description) {
            return start(key, ParamType.INT, defaultValue, description);
        }

        public Builder longParam(String key, Long defaultValue, String description) {
            return start(key, ParamType.LONG, defaultValue, description);
        }

        public Builder floatParam(String key, Double defaultValue, String description) {
            return start(key, ParamType.FLOAT, defaultValue, description);
        }

        public Builder booleanParam(String key, Boolean defaultValue, String description) {
            return start(key, ParamType.BOOLEAN, defaultValue, description);
        }

        public Builder stringParam(String key, String defaultValue, String description) {
            return start(key, ParamType.STRING, defaultValue, description);
        }

        public Builder intListParam(String key, List<Integer> defaultValue, String description) {
            return start(key, ParamType.INT_LIST, defaultValue == null ? null : List.copyOf(defaultValue), description);
        }

        public Builder floatListParam(String key, List<Double> defaultValue, String description) {
            return start(key, ParamType.FLOAT_LIST, defaultValue == null ? null : List.copyOf(defaultValue), description);
        }

        public Builder stringListParam(String key, List<String> defaultValue, String description) {
            return start(key, ParamType.STRING_LIST, defaultValue == null ? null : List.copyOf(defaultValue), description);
        }

        public Builder pathParam(String key, String defaultValue, String description) {
            return start(key, ParamType.PATH, defaultValue, description);
        }

        public Builder mapParam(String key, String description) {
            return start(key, ParamType.MAP, null, description);
        }

        /** Adds a parameter declared elsewhere (to widen or merge schemas). */
        public Builder add(ParamSpec spec) {
            flush();
            done.add(spec);
            return this;
        }

        /** The current parameter has no default and must be given. */
        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder atLeast(double bound) {
            this.min = bound;
            this.minInclusive = true;
            return this;
        }

        public Builder greaterThan(double bound) {
            this.min = bound;
            this.minInclusive = false;
            return this;
        }

        public Builder atMost(double bound) {
            this.max = bound;
            this.maxInclusive = true;
            return this;
        }

        public Builder lessThan(double bound) {
            this.max = bound;
            this.maxInclusive = false;
            return this;
        }

        public Builder oneOf(String... allowed) {
            this.choices = List.of(allowed);
            return this;
        }

        public ConfigSchema build() {
            flush();
            return new ConfigSchema(done);
        }

        private Builder start(String key, ParamType type, Object defaultValue, String description) {
            flush();
            this.key = key;
            this.type = type;
            this.defaultValue = defaultValue;
            this.description = description;
            return this;
        }

        private void flush() {
            if (key != null) {
                done.add(new ParamSpec(key, type, defaultValue, required, min, minInclusive, max, maxInclusive,
                        choices, description));
            }
            key = null;
            type = null;
            defaultValue = null;
            required = false;
            min = null;
            max = null;
            choices = List.of();
            description = null;
        }
    }
}
