package dev.m6rec.api;

import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;

/**
 * What every factory has in common: a fixed name chosen by {@code type:} in YAML, a settings record
 * whose {@link Param} components are the section's parameters, and {@code create}. Core binds each
 * section once, before anything runs: it checks every value against the record's declarations,
 * builds the record, runs {@link #check}, and reports every problem of the whole config together.
 * {@code create} then receives settings that are known to be valid.
 *
 * <pre>{@code
 * public final class PopularityFactory implements InterestModelFactory<PopularityFactory.Settings> {
 *     public record Settings(@Param(value = "exponential time decay per day", def = "0", min = 0) double decay) {}
 *     public String name() { return "popularity"; }
 *     public Class<Settings> settingsType() { return Settings.class; }
 *     public InterestModel create(Settings settings, PluginContext context) { return new Popularity(settings.decay()); }
 * }
 * }</pre>
 *
 * @param <S> the settings record ({@link dev.m6rec.api.config.NoSettings} when there are no parameters)
 * @param <T> the component type this factory makes
 */
public interface ComponentFactory<S extends Record, T> {

    /** Fixed, unique, kebab-case name ({@code "mlp"}, {@code "leave-one-out"}). */
    String name();

    /** One line saying what the component is, for {@code m6rec plugins} and the config reference. */
    default String description() {
        return "";
    }

    /** The settings record; its components declare the parameters accepted beside {@code type}. */
    Class<S> settingsType();

    /** The parameters as a schema (for the config reference and tuning), derived from {@link #settingsType()}. */
    default ConfigSchema schema() {
        return ConfigSchema.of(settingsType());
    }

    /**
     * Checks that span several parameters, run once every parameter passed its own declaration.
     * Problems name keys relative to the section; core adds the section's path.
     */
    default void check(S settings, Problems problems) {
    }

    /**
     * Checks the settings against the files they name, without loading them: that a header holds
     * the configured columns, say. {@code m6rec config check} calls it once every section is valid
     * and every {@code Path} parameter names a readable file or folder. Read as little as the check
     * needs (a header line, not the file). Problems name keys relative to the section.
     *
     * <pre>{@code
     * public void checkInputs(Settings s, Problems problems) {
     *     if (!header(s.path()).contains(s.userColumn())) problems.add("user-column", "not in the header of " + s.path());
     * }
     * }</pre>
     */
    default void checkInputs(S settings, Problems problems) {
    }

    /** Makes a new, unfitted component. Must do no I/O; heavy work belongs in fit/load. */
    T create(S settings, PluginContext context);
}
