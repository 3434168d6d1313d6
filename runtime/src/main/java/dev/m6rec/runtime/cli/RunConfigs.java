package dev.m6rec.runtime.cli;

import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads, overrides and validates a config file, discovering plugins from the classpath and the given dirs. */
record RunConfigs(RawConfig raw, RunConfig config, PluginRegistry registry) {

    static RunConfigs load(Path file, CommonOptions options) {
        RawConfig raw = ConfigLoader.load(file, options.overrides);
        List<Path> dirs = new ArrayList<>(raw.pluginDirs());
        dirs.addAll(options.pluginDirs);
        PluginRegistry registry = PluginRegistry.discover(Main.class.getClassLoader(), dirs);
        return new RunConfigs(raw, RunConfigValidator.validate(raw, registry), registry);
    }
}
