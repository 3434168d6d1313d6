package dev.m6rec.api;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import java.util.List;

/**
 * What every factory has in common: a fixed name chosen by {@code type:} in YAML, a declared
 * parameter schema that core validates before anything runs, and a {@code create} method.
 *
 * <pre>{@code
 * public final class PopularityFactory implements InterestModelFactory {
 *     public String name() { return "popularity"; }
 *     public ConfigSchema schema() { return ConfigSchema.builder().floatParam("decay", 0.0, "...").atLeast(0).build(); }
 *     public InterestModel create(ComponentConfig config, PluginContext context) { return new Popularity(config.getDouble("decay")); }
 * }
 * }</pre>
 *
 * @param <T> the component type this factory makes
 */
public interface ComponentFactory<T> {

    /** Fixed, unique, kebab-case name ({@code "mlp"}, {@code "leave-one-out"}). */
    String name();

    /** One line saying what the component is, for {@code m6rec plugins} and the config reference. */
    default String description() {
        return "";
    }

    /** The parameters this component accepts beside {@code type}; any other key is an error. */
    ConfigSchema schema();

    /**
     * Checks that span several parameters, run after the schema checks passed. A problem names its
     * key relative to the component ({@code ratios}; core prefixes {@code config.path()}), or the
     * full path when it already starts with {@code config.path()} (convenient for code that also
     * throws {@link ConfigException}s at create time); the message must not repeat the key.
     */
    default List<ConfigProblem> validate(ComponentConfig config) {
        return List.of();
    }

    /** Makes a new, unfitted component. Must do no I/O; heavy work belongs in fit/load. */
    T create(ComponentConfig config, PluginContext context);
}
