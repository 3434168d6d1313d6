package dev.m6rec.api.config;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one parameter: key (dotted for nested keys, e.g. {@code loss.click}), type,
 * default, bounds (applied to every element of a list), allowed values, and a description used
 * by the generated config reference.
 *
 * @param key          the key relative to the component section
 * @param type         the value type
 * @param defaultValue the default, or {@code null} when the parameter is required or optional without default
 * @param required     whether a value must be given
 * @param min          lower bound or {@code null}
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound or {@code null}
 * @param maxInclusive whether {@code max} itself is allowed
 * @param choices      allowed string values (empty when any)
 * @param description  one line for the reference
 */
public record ParamSpec(String key, ParamType type, Object defaultValue, boolean required,
                        Double min, boolean minInclusive, Double max, boolean maxInclusive,
                        List<String> choices, String description) {
    public ParamSpec {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(type, "type is null");
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
    }
}
