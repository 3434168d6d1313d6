package dev.m6rec.api.config;

import dev.m6rec.api.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * A component's validated YAML section. Getters return the given value or the schema default;
 * asking for a key the schema does not declare is a bug and throws {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * int[] hidden = config.getIntArray("hidden");          // interest.hidden
 * double alpha = config.getDouble("loss.click");        // interest.loss.click
 * if (alpha == 0 && config.getDouble("loss.rating") == 0)
 *     throw config.invalid("loss", "at least one of click and rating must be > 0");
 * }</pre>
 */
public interface ComponentConfig {

    /** The section's full path, e.g. {@code interest} or {@code features.user[0]}. */
    String path();

    /** The selected implementation name. */
    String type();

    /** Whether the YAML gave the key explicitly (as opposed to a default). */
    boolean isSet(String key);

    int getInt(String key);

    long getLong(String key);

    double getDouble(String key);

    default float getFloat(String key) {
        return (float) getDouble(key);
    }

    boolean getBoolean(String key);

    /** The string value, or {@code null} when optional and not given. */
    String getString(String key);

    int[] getIntArray(String key);

    float[] getFloatArray(String key);

    List<String> getStringList(String key);

    /** A {@link ParamType#MAP} parameter as nested maps/lists/scalars (empty when absent). */
    Map<String, Object> getMap(String key);

    /** A config error naming {@code path() + "." + key}. */
    default ConfigException invalid(String key, String message) {
        return new ConfigException(path() + "." + key, message);
    }
}
