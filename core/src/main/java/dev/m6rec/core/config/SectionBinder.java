package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one component section against its factory's schema and normalises its values
 * (integers as Integer/Long, numbers as Double, lists as immutable lists). Every problem is
 * collected with its full key path; nothing stops at the first one.
 */
public final class SectionBinder {
    private final String path;
    private final ConfigSchema schema;
    private final List<ConfigProblem> problems;
    /** Whether the section selects a component with {@code type} (skipped here, resolved by the caller). */
    private final boolean component;
    private final Map<String, Object> values = new LinkedHashMap<>();
    /** Keys given at all, valid or not: a bad value is one problem, not also a missing one. */
    private final Set<String> given = new java.util.HashSet<>();
    private final NestedSections nested;

    private SectionBinder(String path, ConfigSchema schema, List<ConfigProblem> problems, boolean component,
                          NestedSections nested) {
        this.nested = nested;
        this.path = path;
        this.schema = schema;
        this.problems = problems;
        this.component = component;
    }

    /**
     * Binds {@code section} (the YAML mapping of a component, {@code type} excluded) at
     * {@code path}; problems are appended to {@code problems}. The result is usable even when
     * problems were found (bad values fall back to defaults) so validation can continue.
     */
    public static BoundComponentConfig bind(String path, String type, Map<String, Object> section,
                                            ConfigSchema schema, List<ConfigProblem> problems) {
        return bind(path, type, section, schema, problems, NestedSections.NONE);
    }

    /** As above, binding nested interest model sections with {@code nested}. */
    static BoundComponentConfig bind(String path, String type, Map<String, Object> section, ConfigSchema schema,
                                     List<ConfigProblem> problems, NestedSections nested) {
        SectionBinder binder = new SectionBinder(path, schema, problems, true, nested);
        binder.walk("", section);
        binder.checkRequired();
        return new BoundComponentConfig(path, type, schema, binder.values);
    }

    /**
     * Binds a section that is not a component (core settings such as {@code evaluation}, or the
     * top level with {@code path} ""): like {@link #bind} but {@code type} is an ordinary key.
     */
    public static BoundComponentConfig bindSettings(String path, Map<String, Object> section, ConfigSchema schema,
                                                    List<ConfigProblem> problems) {
        SectionBinder binder = new SectionBinder(path, schema, problems, false, NestedSections.NONE);
        binder.walk("", section);
        binder.checkRequired();
        return new BoundComponentConfig(path, path.isEmpty() ? "top-level" : path, schema, binder.values);
    }

    /** "unknown key; did you mean 'x'?" or "unknown key; valid keys are [...]". */
    static String unknownKeyMessage(String key, Set<String> validKeys) {
        var suggestion = DidYouMean.closest(key, validKeys);
        return suggestion.map(s -> "unknown key; did you mean '" + s + "'?")
                .orElse("unknown key; valid keys are " + new TreeSet<>(validKeys));
    }

    private String where(String key) {
        return ConfigPath.key(path, key);
    }

    private void walk(String prefix, Map<String, Object> section) {
        for (Map.Entry<String, Object> entry : section.entrySet()) {
            String key = prefix + entry.getKey();
            if (component && prefix.isEmpty() && key.equals("type")) {
                continue;
            }
            Object value = entry.getValue();
            var spec = schema.param(key);
            if (spec.isPresent()) {
                given.add(key);
                Object normalised = check(spec.get(), where(key), value);
                if (normalised != null) {
                    values.put(key, normalised);
                }
            } else if (hasParamsUnder(key + ".")) {
                if (value instanceof Map<?, ?> nested) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> child = (Map<String, Object>) nested;
                    walk(key + ".", child);
                } else {
                    problems.add(new ConfigProblem(where(key), "expected a mapping (was "
                            + (value == null ? "empty" : ValueFormat.show(value)) + ")"));
                }
            } else {
                problems.add(new ConfigProblem(where(key), unknownKey(prefix, entry.getKey())));
            }
        }
    }

    private boolean hasParamsUnder(String prefix) {
        return schema.params().stream().anyMatch(p -> p.key().startsWith(prefix));
    }

    private String unknownKey(String prefix, String key) {
        Set<String> siblings = new TreeSet<>();
        for (ParamSpec p : schema.params()) {
            if (p.key().startsWith(prefix)) {
                String rest = p.key().substring(prefix.length());
                int dot = rest.indexOf('.');
                siblings.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        if (component && prefix.isEmpty()) {
            siblings.add("type");
        }
        return unknownKeyMessage(key, siblings);
    }

    private void checkRequired() {
        for (ParamSpec p : schema.params()) {
            if (p.required() && !given.contains(p.key())) {
                problems.add(new ConfigProblem(where(p.key()), "required (" + p.description() + ")"));
            }
        }
    }

    /** The normalised value, or null (after recording a problem) when it does not fit. */
    private Object check(ParamSpec spec, String where, Object value) {
        if (value == null) {
            problems.add(new ConfigProblem(where, "expected " + spec.type().expectation() + " (was empty)"));
            return null;
        }
        return switch (spec.type()) {
            case INT, LONG, FLOAT, BOOLEAN, STRING -> scalar(spec, spec.type(), where, value);
            case PATH -> path(where, value);
            case INTEREST_MODELS -> interestModels(where, value);
            case INT_LIST, FLOAT_LIST, STRING_LIST -> list(spec, where, value);
            case MAP -> {
                if (value instanceof Map<?, ?>) {
                    yield value;
                }
                problems.add(new ConfigProblem(where, "expected a mapping (was " + ValueFormat.show(value) + ")"));
                yield null;
            }
        };
    }

    private Object interestModels(String where, Object value) {
        if (!(value instanceof List<?> list)) {
            problems.add(new ConfigProblem(where, "expected " + ParamType.INTEREST_MODELS.expectation()
                    + " (was " + ValueFormat.show(value) + ")"));
            return null;
        }
        if (list.isEmpty()) {
            problems.add(new ConfigProblem(where, "must name at least one interest model, e.g. [{type: ease}]"));
            return null;
        }
        List<ConfiguredComponent> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            nested.bindInterestModel(ConfigPath.index(where, i), list.get(i)).ifPresent(out::add);
        }
        return out.size() == list.size() ? List.copyOf(out) : null;
    }

    private Object path(String where, Object value) {
        Object text = parse(ParamType.STRING, value);
        try {
            if (text != null && !((String) text).isEmpty()) {
                java.nio.file.Path.of((String) text);
                return text;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // reported below
        }
        problems.add(new ConfigProblem(where, "expected " + ParamType.PATH.expectation() + " (was "
                + ValueFormat.show(value) + ")"));
        return null;
    }

    private Object list(ParamSpec spec, String where, Object value) {
        if (!(value instanceof List<?> list)) {
            problems.add(new ConfigProblem(where, "expected " + spec.type().expectation()
                    + " (was " + ValueFormat.show(value) + ")"));
            return null;
        }
        ParamType element = switch (spec.type()) {
            case INT_LIST -> ParamType.INT;
            case FLOAT_LIST -> ParamType.FLOAT;
            default -> ParamType.STRING;
        };
        List<Object> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i) == null ? null : scalar(spec, element, where + "[" + i + "]", list.get(i));
            if (list.get(i) == null) {
                problems.add(new ConfigProblem(where + "[" + i + "]", "expected " + element.expectation() + " (was empty)"));
            }
            ok &= v != null;
            out.add(v);
        }
        return ok ? List.copyOf(out) : null;
    }

    private Object scalar(ParamSpec spec, ParamType type, String where, Object value) {
        Object parsed = parse(type, value);
        if (parsed == null) {
            problems.add(new ConfigProblem(where, "expected " + type.expectation() + " (was " + ValueFormat.show(value) + ")"));
            return null;
        }
        if (parsed instanceof Number n && !inBounds(spec, where, n, value)) {
            return null;
        }
        if (parsed instanceof String s && !spec.choices().isEmpty() && !spec.choices().contains(s)) {
            String message = "must be one of " + spec.choices() + " (was '" + s + "')";
            message += DidYouMean.closest(s, spec.choices()).map(c -> "; did you mean '" + c + "'?").orElse("");
            problems.add(new ConfigProblem(where, message));
            return null;
        }
        return parsed;
    }

    private boolean inBounds(ParamSpec spec, String where, Number n, Object original) {
        double v = n.doubleValue();
        String was = " (was " + ValueFormat.number(original instanceof Number ? original : n) + ")";
        if (Double.isNaN(v)) {
            problems.add(new ConfigProblem(where, "must be a number (was NaN)"));
            return false;
        }
        if (spec.min() != null && (spec.minInclusive() ? v < spec.min() : v <= spec.min())) {
            problems.add(new ConfigProblem(where, "must be " + (spec.minInclusive() ? ">= " : "> ")
                    + ValueFormat.number(spec.min()) + was));
            return false;
        }
        if (spec.max() != null && (spec.maxInclusive() ? v > spec.max() : v >= spec.max())) {
            problems.add(new ConfigProblem(where, "must be " + (spec.maxInclusive() ? "<= " : "< ")
                    + ValueFormat.number(spec.max()) + was));
            return false;
        }
        return true;
    }

    /** Parses YAML scalars and --set strings alike; null when the value is not of the type. */
    static Object parse(ParamType type, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return null;
        }
        String text = String.valueOf(value).trim();
        try {
            return switch (type) {
                case INT -> value instanceof Number n ? exactInt(n) : Integer.valueOf(text);
                case LONG -> value instanceof Number n ? exactLong(n) : Long.valueOf(text);
                case FLOAT -> value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(text);
                case BOOLEAN -> value instanceof Boolean b ? b
                        : text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                // SnakeYAML reads an unquoted 2020-01-01 as a Date; keep it as an ISO instant, not Date.toString().
                case STRING -> value instanceof java.util.Date d ? d.toInstant().toString() : text;
                default -> null;
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Integer exactInt(Number n) {
        Long value = exactLong(n);
        return value == null ? null : Math.toIntExact(value);
    }

    /**
     * The number as a long, or null when it is not whole; beyond the long range it throws
     * ArithmeticException (refused by {@link #parse}): YAML reads 9223372036854775808 as a
     * BigInteger, whose longValue() would wrap to a negative seed.
     */
    private static Long exactLong(Number n) {
        if (n instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (n instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() > 0 ? null : decimal.longValueExact();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                return null;
            }
            if (Math.abs(d) >= 0x1p63) {
                throw new ArithmeticException("outside the long range");
            }
        }
        return n.longValue();
    }
}
