package dev.m6rec.core.artifact;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rule for loading an artifact with the plugins installed now: every plugin that wrote it must
 * be installed (else the load is refused, naming the plugin and its version); a plugin of another
 * version loads with a warning naming both versions, because each component checks the format of
 * its own files and refuses what it cannot read.
 */
final class PluginVersions {
    private PluginVersions() {
    }

    /** Where the plugin was loaded from at training time, for the message; empty when not recorded. */
    private static String where(String source) {
        if (source == null) {
            return "";
        }
        Path unit = Path.of(source);
        return source.equals("classpath") ? ", from the class path"
                : ", from " + unit.getFileName() + " in " + unit.getParent();
    }

    private static String directoryHint(String source) {
        return source == null || source.equals("classpath") ? "its directory"
                : "the plugins directory holding " + Path.of(source).getFileName();
    }

    static void check(Path dir, ArtifactManifest manifest, PluginRegistry registry, ProgressReporter progress) {
        for (ArtifactManifest.PluginEntry wrote : manifest.plugins()) {
            Optional<PluginInfo> installed = registry.plugins().stream()
                    .filter(p -> p.name().equals(wrote.name())).findFirst();
            if (installed.isEmpty()) {
                throw new ArtifactException(dir + ": trained with plugin '" + wrote.name() + "' (version "
                        + wrote.version() + where(wrote.source()) + "), which is not installed; add "
                        + directoryHint(wrote.source()) + " with --plugins");
            }
            if (!installed.get().version().equals(wrote.version())) {
                progress.info("warning: " + dir + " was trained with plugin '" + wrote.name() + "' "
                        + wrote.version() + "; loading it with " + installed.get().version() + " ("
                        + installed.get().source() + ")");
            }
        }
    }
}
