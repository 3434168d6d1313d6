package dev.m6rec.core.plugin;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.PluginException;
import dev.m6rec.api.config.ConfigSchema;
import java.util.Objects;

/**
 * A factory together with the plugin that contributed it, for messages and manifests, and its
 * schema, derived once from the settings record when the plugin registers.
 */
public record RegisteredFactory(ComponentKind kind, ComponentFactory<?, ?> factory, PluginInfo plugin,
                                ConfigSchema schema) {
    public RegisteredFactory {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(schema, "schema is null");
    }

    /** Registers {@code factory}; a settings record that is not a valid schema fails naming the plugin. */
    public RegisteredFactory(ComponentKind kind, ComponentFactory<?, ?> factory, PluginInfo plugin) {
        this(kind, factory, plugin, schemaOf(kind, factory, plugin, nameOf(kind, factory, plugin)));
    }

    /** The factory's name, or a plugin error naming the plugin when {@code name()} throws. */
    private static String nameOf(ComponentKind kind, ComponentFactory<?, ?> factory, PluginInfo plugin) {
        try {
            return factory.name();
        } catch (RuntimeException e) {
            throw new PluginException("plugin " + plugin.name() + " (" + plugin.source() + ") declares "
                    + kind.label() + " whose name() failed: " + e);
        }
    }

    public String name() {
        return factory.name();
    }

    private static ConfigSchema schemaOf(ComponentKind kind, ComponentFactory<?, ?> factory, PluginInfo plugin,
                                         String name) {
        try {
            return Objects.requireNonNull(factory.schema(), "schema() returned null");
        } catch (RuntimeException e) {
            throw new PluginException("plugin " + plugin.name() + " (" + plugin.source() + ") declares "
                    + kind.label() + " '" + name + "' with invalid settings: " + e.getMessage());
        }
    }
}
