package dev.m6rec.api.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The link between a settings record and its section: the schema its {@link Param} components
 * declare, and the record built from a section's checked values. A component whose type is itself
 * a record is a nested section ({@code loss: {click: 0.5, rating: 0.5}}), declared as dotted keys.
 *
 * <p>Java types map to parameter types: {@code int}/{@code Integer} and {@code long}/{@code Long}
 * integers, {@code double}/{@code float} numbers, {@code boolean}, {@code String}, an {@code enum}
 * (a string whose allowed values are its constants in kebab-case), {@code int[]}, {@code float[]},
 * {@code double[]}, {@code List<String>}, {@link Path} (resolved against the config file),
 * {@code List<InterestModelSection>} (nested interest models) and {@code Map<String, Object>} (a
 * free-form mapping).
 */
public final class SettingsRecords {
    private SettingsRecords() {
    }

    /** The schema a settings record declares; a record that cannot be a schema is a plugin bug. */
    public static ConfigSchema schema(Class<? extends Record> type) {
        List<ParamSpec> specs = new ArrayList<>();
        collect(type, "", specs);
        return ConfigSchema.of(specs);
    }

    /**
     * Builds the record from checked values keyed as in its schema (dotted for nested sections),
     * already normalised: Integer, Long, Double, Boolean, String, {@code List} of those, Map, Path.
     * A missing key takes its declared default, or null (an empty list) when it has none.
     */
    public static <R extends Record> R create(Class<R> type, Map<String, Object> values) {
        return construct(type, "", values);
    }

    /** {@code learningRate} to {@code learning-rate}; {@code USER_ITEM_TIME} to {@code user-item-time}. */
    public static String kebab(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The enum constant an allowed string names. */
    public static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (kebab(e.name()).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(value + " is not a " + type.getSimpleName());
    }

    private static void collect(Class<?> type, String prefix, List<ParamSpec> specs) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Param param = c.getAnnotation(Param.class);
            if (param == null) {
                throw new IllegalArgumentException(type.getName() + "." + c.getName() + " has no @Param");
            }
            String key = prefix + key(c, param);
            if (c.getType().isRecord()) {
                collect(c.getType(), key + ".", specs);
                continue;
            }
            ParamType kind = kind(c);
            boolean hasDefault = !param.def().equals(Param.NONE);
            Object defaultValue = hasDefault ? DefaultValues.parse(kind, param.def(), key) : null;
            boolean required = param.required() || (!hasDefault && c.getType().isPrimitive());
            Double min = bound(param.min(), param.above());
            Double max = bound(param.max(), param.below());
            List<String> choices = c.getType().isEnum()
                    ? Arrays.stream(c.getType().getEnumConstants()).map(e -> kebab(((Enum<?>) e).name())).toList()
                    : List.of(param.oneOf());
            specs.add(new ParamSpec(key, kind, defaultValue, required, min, Double.isNaN(param.above()), max,
                    Double.isNaN(param.below()), choices, param.value()));
        }
    }

    private static String key(RecordComponent c, Param param) {
        return param.key().isEmpty() ? kebab(c.getName()) : param.key();
    }

    private static Double bound(double inclusive, double exclusive) {
        if (!Double.isNaN(inclusive) && !Double.isNaN(exclusive)) {
            throw new IllegalArgumentException("a parameter has both an inclusive and an exclusive bound on one side");
        }
        double b = Double.isNaN(inclusive) ? exclusive : inclusive;
        return Double.isNaN(b) ? null : b;
    }

    private static ParamType kind(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == int.class || t == Integer.class) {
            return ParamType.INT;
        } else if (t == long.class || t == Long.class) {
            return ParamType.LONG;
        } else if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return ParamType.FLOAT;
        } else if (t == boolean.class || t == Boolean.class) {
            return ParamType.BOOLEAN;
        } else if (t == String.class || t.isEnum()) {
            return ParamType.STRING;
        } else if (t == int[].class) {
            return ParamType.INT_LIST;
        } else if (t == float[].class || t == double[].class) {
            return ParamType.FLOAT_LIST;
        } else if (t == Path.class) {
            return ParamType.PATH;
        } else if (t == Map.class) {
            return ParamType.MAP;
        } else if (t == List.class && elementType(c) == String.class) {
            return ParamType.STRING_LIST;
        } else if (t == List.class && elementType(c) == InterestModelSection.class) {
            return ParamType.INTEREST_MODELS;
        }
        throw new IllegalArgumentException(c.getDeclaringRecord().getName() + "." + c.getName()
                + ": parameters cannot be of type " + c.getGenericType().getTypeName());
    }

    private static Type elementType(RecordComponent c) {
        return c.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static <R> R construct(Class<R> type, String prefix, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Param param = c.getAnnotation(Param.class);
            String key = prefix + key(c, param);
            if (c.getType().isRecord()) {
                args[i] = construct(c.getType(), key + ".", values);
                continue;
            }
            Object value = values.get(key);
            if (value == null && !param.def().equals(Param.NONE)) {
                value = DefaultValues.parse(kind(c), param.def(), key);
            }
            args[i] = DefaultValues.convert(c.getType(), value, key);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " cannot be built: " + e, e);
        }
    }
}
