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
 * compiled classes of a test plugin ({@link FaultyModelsPlugin}, {@link BrokenPlugins}) and its
 * service entry, loaded in its own class loader as a user's plugin would be (the test classpath
 * does not register it, so no other test sees it).
 */
final class PluginFolder {
    private PluginFolder() {
    }

    static Path faultyModels(Path dir) {
        return of(dir, "faulty-models", FaultyModelsPlugin.class);
    }

    /**
     * A plugin folder {@code dir/plugins/<unit>} holding the classes of {@code plugin}'s top-level
     * class (with its nested classes) and a service entry naming {@code plugin}; returns {@code dir/plugins}.
     */
    static Path of(Path dir, String unitName, Class<? extends Plugin> plugin) {
        try {
            Class<?> top = plugin;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            Path classes = Path.of(top.getProtectionDomain().getCodeSource().getLocation().toURI());
            String pkg = top.getPackageName().replace('.', '/');
            String prefix = top.getSimpleName();
            Path plugins = dir.resolve("plugins");
            Path unit = plugins.resolve(unitName);
            Files.createDirectories(unit.resolve(pkg));
            try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                for (Path file : files.filter(f -> f.getFileName().toString().equals(prefix + ".class")
                        || f.getFileName().toString().startsWith(prefix + "$")).toList()) {
                    Files.copy(file, unit.resolve(pkg).resolve(file.getFileName()));
                }
            }
            Path services = Files.createDirectories(unit.resolve("META-INF/services"));
            Files.writeString(services.resolve(Plugin.class.getName()), plugin.getName() + "\n");
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
