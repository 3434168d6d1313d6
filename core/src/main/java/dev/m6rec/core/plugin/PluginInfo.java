package dev.m6rec.core.plugin;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A discovered plugin and where it came from ({@code classpath} or a jar/folder path). */
public record PluginInfo(Plugin plugin, String name, String version, String source) {
    /** Plugin and component names: kebab-case, like {@code my-plugin}. */
    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public PluginInfo {
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(source, "source is null");
    }

    /**
     * Registers {@code plugin} from {@code source}: its {@code name()} and {@code version()} must
     * answer, and the name be kebab-case; otherwise a {@link PluginException} names the plugin's
     * class and source (a plugin without a usable name cannot be named by it).
     */
    static PluginInfo of(Plugin plugin, String source) {
        String name = ask(plugin, source, "name", plugin::name);
        if (!KEBAB.matcher(name).matches()) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " (" + source + "): name '" + name
                    + "' is not kebab-case (like 'my-plugin')");
        }
        String version = ask(plugin, source, "version", plugin::version);
        return new PluginInfo(plugin, name, version, source);
    }

    private static String ask(Plugin plugin, String source, String method, Supplier<String> call) {
        String value;
        try {
            value = call.get();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " (" + source + "): " + method
                    + "() failed: " + e, e);
        }
        if (value == null) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " (" + source + "): " + method
                    + "() returned null");
        }
        return value;
    }
}
