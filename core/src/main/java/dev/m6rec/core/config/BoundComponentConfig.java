package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import java.util.List;
import java.util.Map;

/** A component section after {@link SectionBinder} checked it: typed getters with schema defaults. */
public final class BoundComponentConfig {
    private final String path;
    private final String type;
    private final ConfigSchema schema;
    private final Map<String, Object> values;

    BoundComponentConfig(String path, String type, ConfigSchema schema, Map<String, Object> values) {
        this.path = path;
        this.type = type;
        this.schema = schema;
        this.values = Map.copyOf(values);
    }

    public String path() {
        return path;
    }

    public String type() {
        return type;
    }

    public boolean isSet(String key) {
        spec(key);
        return values.containsKey(key);
    }

    /** The explicitly given values (normalised). */
    public Map<String, Object> givenValues() {
        return values;
    }

    /** The schema the section was checked against. */
    public ConfigSchema schema() {
        return schema;
    }

    /** Every declared parameter's value: the given one, else its default (absent when it has neither). */
    public Map<String, Object> effectiveValues() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (ParamSpec p : schema.params()) {
            Object v = values.containsKey(p.key()) ? values.get(p.key()) : p.defaultValue();
            if (v != null) {
                out.put(p.key(), v);
            }
        }
        return out;
    }

    public int getInt(String key) {
        return ((Number) value(key, ParamType.INT)).intValue();
    }

    public long getLong(String key) {
        return ((Number) value(key, ParamType.LONG)).longValue();
    }

    public double getDouble(String key) {
        return ((Number) value(key, ParamType.FLOAT)).doubleValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) value(key, ParamType.BOOLEAN);
    }

    public String getString(String key) {
        return (String) value(key, ParamType.STRING);
    }

    public int[] getIntArray(String key) {
        List<?> list = (List<?>) value(key, ParamType.INT_LIST);
        return list == null ? new int[0] : list.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    public float[] getFloatArray(String key) {
        List<?> list = (List<?>) value(key, ParamType.FLOAT_LIST);
        if (list == null) {
            return new float[0];
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String key) {
        List<?> list = (List<?>) value(key, ParamType.STRING_LIST);
        return list == null ? List.of() : (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Map<String, Object> map = (Map<String, Object>) value(key, ParamType.MAP);
        return map == null ? Map.of() : map;
    }

    private Object value(String key, ParamType expected) {
        ParamSpec spec = spec(key);
        boolean compatible = spec.type() == expected
                || (expected == ParamType.FLOAT && (spec.type() == ParamType.INT || spec.type() == ParamType.LONG))
                || (expected == ParamType.LONG && spec.type() == ParamType.INT)
                || (expected == ParamType.INT && spec.type() == ParamType.LONG);
        if (!compatible) {
            throw new IllegalArgumentException(path + "." + key + " is declared " + spec.type() + ", read as " + expected);
        }
        Object value = values.get(key);
        if (value == null) {
            value = spec.defaultValue();
        }
        if (value == null && expected != ParamType.STRING && !expected.isList() && expected != ParamType.MAP) {
            throw new IllegalStateException(path + "." + key + " has no value and no default");
        }
        return value;
    }

    private ParamSpec spec(String key) {
        return schema.param(key).orElseThrow(() ->
                new IllegalArgumentException(path + "." + key + " is not declared in the " + type + " schema"));
    }

    public String toString() {
        return path + " " + type + " " + values;
    }
}
