package dev.m6rec.runtime.cli;

import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.core.plugin.ComponentKind;
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

/**
 * {@code m6rec config reference}: every component's parameters, generated from the schemas the
 * factories declare, as Markdown. The README's component reference is this command's output, so
 * it cannot drift from the code.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print every installed component's parameters (key, type, default, bounds) as Markdown.")
final class ConfigReferenceCommand implements Callable<Integer> {
    @ParentCommand
    ConfigCommand parent;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A directory of plugin jars/folders. Repeatable.")
    List<Path> pluginDirs = new ArrayList<>();

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.discover(Main.class.getClassLoader(), pluginDirs);
        PrintStream out = parent.parent.out();
        for (ComponentKind kind : ComponentKind.values()) {
            out.printf("### `%s` — %ss%n%n", kind.section(), kind.label());
            for (RegisteredFactory factory : registry.factories(kind).values()) {
                out.printf("**`%s`** (plugin `%s`): %s%n%n", factory.name(), factory.plugin().name(),
                        factory.factory().description());
                List<ParamSpec> params = factory.factory().schema().params();
                if (params.isEmpty()) {
                    out.println("No parameters.");
                    out.println();
                    continue;
                }
                out.println("| key | type | default | allowed | meaning |");
                out.println("|---|---|---|---|---|");
                for (ParamSpec p : params) {
                    out.printf("| `%s` | %s | %s | %s | %s |%n", p.key(), p.type().name().toLowerCase(java.util.Locale.ROOT),
                            p.required() ? "required" : p.defaultValue() == null ? "-" : "`" + p.defaultValue() + "`",
                            allowed(p), p.description().replace("|", "\\|"));
                }
                out.println();
            }
        }
        return ExitCodes.OK;
    }

    private static String allowed(ParamSpec p) {
        if (!p.choices().isEmpty()) {
            return String.join(", ", p.choices());
        }
        String low = p.min() == null ? "" : (p.minInclusive() ? ">= " : "> ") + bound(p.min());
        String high = p.max() == null ? "" : (p.maxInclusive() ? "<= " : "< ") + bound(p.max());
        return low.isEmpty() && high.isEmpty() ? "" : low.isEmpty() ? high : high.isEmpty() ? low : low + ", " + high;
    }

    private static String bound(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
