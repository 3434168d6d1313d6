package dev.m6rec.core.plugin;

import dev.m6rec.api.ComponentFactory;
import java.util.Objects;

/** A factory together with the plugin that contributed it, for messages and manifests. */
public record RegisteredFactory(ComponentKind kind, ComponentFactory<?> factory, PluginInfo plugin) {
    public RegisteredFactory {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(plugin, "plugin is null");
    }

    public String name() {
        return factory.name();
    }
}
