package dev.m6rec.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the verbs that read a config: overrides and extra plugin directories. */
final class CommonOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set interest.epochs=30 or --set interest.hidden=[64,32]. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of plugin jars/folders to load besides the classpath. Repeatable.")
    List<Path> pluginDirs = new ArrayList<>();
}
