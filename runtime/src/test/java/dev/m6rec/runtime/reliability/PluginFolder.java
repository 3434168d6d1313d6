package dev.m6rec.runtime.reliability;

import dev.m6rec.api.Plugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Lays out a plugin directory for {@code --plugins}: one exploded plugin folder holding the
 * compiled classes of {@link FaultyModelsPlugin} and its service entry, loaded in its own class
 * loader as a user's plugin would be (the test classpath does not register it, so no other test
 * sees it).
 */
final class PluginFolder {
    private PluginFolder() {
    }

    static Path faultyModels(Path dir) {
        try {
            Path classes = Path.of(FaultyModelsPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String pkg = FaultyModelsPlugin.class.getPackageName().replace('.', '/');
            Path plugins = dir.resolve("plugins");
            Path unit = plugins.resolve("faulty-models");
            Files.createDirectories(unit.resolve(pkg));
            try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FaultyModelsPlugin")).toList()) {
                    Files.copy(file, unit.resolve(pkg).resolve(file.getFileName()));
                }
            }
            Path services = Files.createDirectories(unit.resolve("META-INF/services"));
            Files.writeString(services.resolve(Plugin.class.getName()), FaultyModelsPlugin.class.getName() + "\n");
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
