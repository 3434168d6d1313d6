package dev.m6rec.runtime.cli;

import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code m6rec plugins}: every plugin found and the component names it offers, by extension point. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found on the classpath and in plugin directories, with their component names.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    M6RecCommand parent;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A directory of plugin jars/folders. Repeatable.")
    List<Path> pluginDirs = new ArrayList<>();

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.discover(Main.class.getClassLoader(), pluginDirs);
        PrintStream out = parent.out();
        for (PluginInfo plugin : registry.plugins()) {
            out.printf("%s %s (%s)%n", plugin.name(), plugin.version(), plugin.source());
            for (ComponentKind kind : ComponentKind.values()) {
                for (RegisteredFactory factory : registry.factories(kind).values()) {
                    if (factory.plugin().equals(plugin)) {
                        out.printf("  %-20s %-16s %s%n", kind.label(), factory.name(), factory.factory().description());
                    }
                }
            }
        }
        return ExitCodes.OK;
    }
}
