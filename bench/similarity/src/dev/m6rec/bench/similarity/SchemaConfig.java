package dev.m6rec.bench.similarity;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * A component config made of given values over the schema defaults, so the benchmark needs
 * only the api and the plugin on its class path (core's validating binder is not needed for
 * a fixed, known-good section).
 */
final class SchemaConfig implements ComponentConfig {
    private final String path;
    private final String type;
    private final ConfigSchema schema;
    private final Map<String, Object> given;

    SchemaConfig(String path, String type, ConfigSchema schema, Map<String, Object> given) {
        this.path = path;
        this.type = type;
        this.schema = schema;
        this.given = Map.copyOf(given);
        for (String key : given.keySet()) {
            spec(key);
        }
    }

    private ParamSpec spec(String key) {
        return schema.param(key).orElseThrow(() -> new IllegalArgumentException("no parameter " + key));
    }

    private Object value(String key) {
        Object v = given.get(key);
        return v != null ? v : spec(key).defaultValue();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean isSet(String key) {
        spec(key);
        return given.containsKey(key);
    }

    @Override
    public int getInt(String key) {
        return ((Number) value(key)).intValue();
    }

    @Override
    public long getLong(String key) {
        return ((Number) value(key)).longValue();
    }

    @Override
    public double getDouble(String key) {
        return ((Number) value(key)).doubleValue();
    }

    @Override
    public boolean getBoolean(String key) {
        return (Boolean) value(key);
    }

    @Override
    public String getString(String key) {
        return (String) value(key);
    }

    @Override
    public int[] getIntArray(String key) {
        throw new UnsupportedOperationException(key);
    }

    @Override
    public float[] getFloatArray(String key) {
        throw new UnsupportedOperationException(key);
    }

    @Override
    public List<String> getStringList(String key) {
        throw new UnsupportedOperationException(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object v = value(key);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }
}
