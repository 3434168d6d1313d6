package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.Lookup;
import org.apache.commons.text.StringSubstitutor;

/**
 * Replaces {@code ${env:NAME}} (environment variables) and {@code ${sys:name}} (JVM system
 * properties) in the string values of a config tree; {@code ${env:NAME:-fallback}} gives a
 * fallback for an unset variable. Variables are resolved by Commons Configuration's
 * {@link ConfigurationInterpolator} with only those two lookups registered: no script, dns, url,
 * file or other lookup exists, any other {@code ${...}} is an error, and so is an unset variable
 * without fallback. {@code $${...}} stays as the literal text {@code ${...}}.
 */
final class VariableInterpolator {
    private static final String FALLBACK = ":-";
    private final StringSubstitutor substitutor;
    /**
     * Problems of the value being interpolated; lookups run synchronously inside replace(). A
     * set, because one variable may be looked up more than once.
     */
    private final Set<String> issues = new LinkedHashSet<>();

    VariableInterpolator(Function<String, String> environment, Function<String, String> systemProperties) {
        Objects.requireNonNull(environment, "environment is null");
        Objects.requireNonNull(systemProperties, "systemProperties is null");
        ConfigurationInterpolator interpolator = new ConfigurationInterpolator();
        interpolator.registerLookup("env", lookup(environment, "environment variable"));
        interpolator.registerLookup("sys", lookup(systemProperties, "system property"));
        // Reached for prefixes without a lookup (and after env/sys found nothing, already reported).
        interpolator.addDefaultLookup(variable -> {
            if (!variable.startsWith("env:") && !variable.startsWith("sys:")) {
                issues.add("'${" + variable + "}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported");
            }
            return null;
        });
        substitutor = new StringSubstitutor(variable -> Objects.toString(interpolator.resolve(variable), null));
        // Fallbacks are handled by the lookups, which know whether one was given.
        substitutor.setValueDelimiterMatcher(null);
    }

    private Lookup lookup(Function<String, String> source, String what) {
        return variable -> {
            int fallback = variable.indexOf(FALLBACK);
            String name = fallback < 0 ? variable : variable.substring(0, fallback);
            String value = source.apply(name);
            if (value == null && fallback >= 0) {
                return variable.substring(fallback + FALLBACK.length());
            }
            if (value == null) {
                issues.add(what + " '" + name + "' is not set");
            }
            return value;
        };
    }

    /** Interpolates every string value of a mutable tree in place; problems name the key path. */
    void interpolate(Map<String, Object> tree, List<ConfigProblem> problems) {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            entry.setValue(value(entry.getKey(), entry.getValue(), problems));
        }
    }

    @SuppressWarnings("unchecked")
    private Object value(String path, Object value, List<ConfigProblem> problems) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                entry.setValue(value(ConfigPath.key(path, entry.getKey()), entry.getValue(), problems));
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, value(ConfigPath.index(path, i), items.get(i), problems));
            }
            return items;
        }
        if (value instanceof String text && text.contains("${")) {
            issues.clear();
            String result = substitutor.replace(text);
            for (String issue : issues) {
                problems.add(new ConfigProblem(path, issue));
            }
            return result;
        }
        return value;
    }
}
