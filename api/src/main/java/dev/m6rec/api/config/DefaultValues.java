package dev.m6rec.api.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@link Param#def()} texts, and turns checked values into a settings record's Java types. */
final class DefaultValues {
    private DefaultValues() {
    }

    /** A default text as the value core would have checked: Integer, Long, Double, Boolean, String or a List. */
    static Object parse(ParamType kind, String text, String key) {
        try {
            return switch (kind) {
                case INT -> Integer.valueOf(text.trim());
                case LONG -> Long.valueOf(text.trim());
                case FLOAT -> Double.valueOf(text.trim());
                case BOOLEAN -> Boolean.valueOf(parseBoolean(text.trim()));
                case STRING, PATH -> text;
                case INT_LIST -> elements(text).stream().map(Integer::valueOf).toList();
                case FLOAT_LIST -> elements(text).stream().map(Double::valueOf).toList();
                case STRING_LIST -> elements(text);
                case MAP, INTEREST_MODELS -> throw new IllegalArgumentException(kind.expectation() + " cannot have a default");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": default '" + text + "' is not " + kind.expectation(), e);
        }
    }

    /** The checked value as {@code type}; null stays null for reference types, lists become empty. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Class<?> type, Object value, String key) {
        if (value == null) {
            if (type == int[].class) {
                return new int[0];
            } else if (type == float[].class) {
                return new float[0];
            } else if (type == double[].class) {
                return new double[0];
            } else if (type == List.class) {
                return List.of();
            } else if (type == Map.class) {
                return Map.of();
            } else if (type.isPrimitive()) {
                throw new IllegalStateException(key + " has no value and no default");
            }
            return null;
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) value).intValue();
        } else if (type == long.class || type == Long.class) {
            return ((Number) value).longValue();
        } else if (type == double.class || type == Double.class) {
            return ((Number) value).doubleValue();
        } else if (type == float.class || type == Float.class) {
            return ((Number) value).floatValue();
        } else if (type.isEnum()) {
            return SettingsRecords.constant((Class) type, (String) value);
        } else if (type == Path.class) {
            return value instanceof Path p ? p : Path.of((String) value);
        } else if (type == int[].class) {
            return ((List<?>) value).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        } else if (type == double[].class) {
            return ((List<?>) value).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        } else if (type == float[].class) {
            List<?> list = (List<?>) value;
            float[] out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).floatValue();
            }
            return out;
        } else if (type == List.class) {
            return List.copyOf((List<?>) value);
        } else if (type == Map.class) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>((Map<?, ?>) value));
        }
        return value;
    }

    private static boolean parseBoolean(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(text);
        }
        return text.equals("true");
    }

    /** {@code "[128, 64]"} or {@code "128, 64"}; {@code "[]"} is empty. */
    private static List<String> elements(String text) {
        String body = text.trim();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> out = new ArrayList<>();
        if (body.isBlank()) {
            return out;
        }
        for (String part : body.split(",")) {
            out.add(part.trim());
        }
        return out;
    }
}
