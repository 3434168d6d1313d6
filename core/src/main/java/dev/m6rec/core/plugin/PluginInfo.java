package dev.m6rec.core.plugin;

import dev.m6rec.api.Plugin;
import java.util.Objects;

/** A discovered plugin and where it came from ({@code classpath} or a jar/folder path). */
public record PluginInfo(Plugin plugin, String name, String version, String source) {
    public PluginInfo {
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(source, "source is null");
    }
}
