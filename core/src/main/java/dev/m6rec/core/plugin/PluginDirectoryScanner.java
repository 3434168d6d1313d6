package dev.m6rec.core.plugin;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the plugins of plugin directories. In a directory, each {@code *.jar} is one plugin and
 * each sub-folder is one plugin made of the folder itself (an exploded classes folder with
 * {@code META-INF/services}) and the jars directly inside it (the plugin jar and its own
 * dependencies). Each gets its own {@link PluginClassLoader}. Hidden entries and other files
 * (a README) are ignored; directories and their entries are visited in name order.
 */
final class PluginDirectoryScanner {
    static final String SERVICE_ENTRY = "META-INF/services/" + Plugin.class.getName();

    private PluginDirectoryScanner() {
    }

    /** The plugins of every directory, in order; the same directory given twice is read once. */
    static List<PluginInfo> load(List<Path> dirs, ClassLoader apiLoader) {
        Set<Path> distinct = new LinkedHashSet<>();
        for (Path dir : dirs) {
            distinct.add(dir.toAbsolutePath().normalize());
        }
        List<PluginInfo> found = new ArrayList<>();
        for (Path dir : distinct) {
            if (!Files.exists(dir)) {
                throw new PluginException(dir + ": plugins directory does not exist");
            }
            if (!Files.isDirectory(dir)) {
                throw new PluginException(dir + ": plugins directory is not a directory");
            }
            for (Path entry : entries(dir)) {
                if (Files.isDirectory(entry)) {
                    found.addAll(loadUnit(entry, folderUrls(entry), apiLoader));
                } else if (isJar(entry)) {
                    found.addAll(loadUnit(entry, List.of(url(entry)), apiLoader));
                }
            }
        }
        return found;
    }

    private static List<PluginInfo> loadUnit(Path unit, List<URL> urls, ClassLoader apiLoader) {
        PluginClassLoader loader = new PluginClassLoader("plugin:" + unit.getFileName(), urls.toArray(URL[]::new), apiLoader);
        try {
            if (loader.findResource(SERVICE_ENTRY) == null) {
                throw new PluginException(unit + ": no " + SERVICE_ENTRY + " entry");
            }
            List<PluginInfo> plugins = new ArrayList<>();
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                PluginInfo info = PluginInfo.of(plugin, unit.toString());
                PluginFaults.owns(loader, info);
                plugins.add(info);
            }
            if (plugins.isEmpty()) {
                throw new PluginException(unit + ": " + SERVICE_ENTRY + " lists no plugin class");
            }
            return plugins;
        } catch (ServiceConfigurationError | LinkageError e) {
            close(loader);
            throw new PluginException(unit + ": cannot load plugin: " + e.getMessage(), e);
        } catch (PluginException e) {
            close(loader);
            throw e;
        }
    }

    /** The folder as a classes root plus every jar directly inside it. */
    private static List<URL> folderUrls(Path folder) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(folder));
        for (Path entry : entries(folder)) {
            if (isJar(entry)) {
                urls.add(url(entry));
            }
        }
        return urls;
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> entries = new ArrayList<>(list
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList());
            Collections.sort(entries);
            return entries;
        } catch (IOException e) {
            throw new PluginException(dir + ": cannot list plugins directory: " + e.getMessage(), e);
        }
    }

    private static boolean isJar(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar");
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing was loaded from it; a failure to close does not change the outcome.
        }
    }
}
