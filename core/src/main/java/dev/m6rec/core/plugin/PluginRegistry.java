package dev.m6rec.core.plugin;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every plugin the host can use and the factories they contribute, by extension point and name.
 * Plugins come from the class path and from plugin directories (each jar or sub-folder in its
 * own class loader that shares only the {@code dev.m6rec.api} packages with the host).
 * Duplicate plugin or factory names fail at registration naming both plugins; names must be
 * kebab-case.
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.discover(Main.class.getClassLoader(), List.of(Path.of("plugins")));
 * registry.factories(ComponentKind.SIMILARITY).keySet();   // [cosine, jaccard, tag-overlap, ...]
 * }</pre>
 */
public final class PluginRegistry {
    private final List<PluginInfo> plugins;
    private final Map<ComponentKind, Map<String, RegisteredFactory>> factories;

    private PluginRegistry(List<PluginInfo> plugins) {
        this.plugins = List.copyOf(plugins);
        Map<String, PluginInfo> byName = new java.util.HashMap<>();
        for (PluginInfo info : this.plugins) {
            PluginInfo previous = byName.putIfAbsent(info.name(), info);
            if (previous != null) {
                throw new PluginException("duplicate plugin '" + info.name() + "': from " + previous.source()
                        + " and from " + info.source());
            }
        }
        Map<ComponentKind, Map<String, RegisteredFactory>> byKind = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
        for (PluginInfo info : plugins) {
            for (ComponentKind kind : ComponentKind.values()) {
                for (ComponentFactory<?, ?> factory : kind.factoriesOf(info.plugin())) {
                    register(byKind.get(kind), new RegisteredFactory(kind, factory, info));
                }
            }
        }
        byKind.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        this.factories = Collections.unmodifiableMap(byKind);
    }

    /** A registry of exactly these plugins (tests, embedding hosts). */
    public static PluginRegistry of(List<PluginInfo> plugins) {
        return new PluginRegistry(plugins);
    }

    /**
     * The plugins on {@code host}'s class path plus those in {@code pluginDirs}. Throws
     * {@link PluginException} naming the path of a missing directory, of a jar or folder without a
     * {@code META-INF/services/dev.m6rec.api.Plugin} entry or whose plugin cannot be loaded, and
     * both sources of a duplicate name.
     */
    public static PluginRegistry discover(ClassLoader host, List<Path> pluginDirs) {
        java.util.Objects.requireNonNull(host, "host is null");
        java.util.Objects.requireNonNull(pluginDirs, "pluginDirs is null");
        List<PluginInfo> all = new ArrayList<>(classpathPlugins(host));
        // Plugins must implement the very Plugin interface core was compiled against.
        all.addAll(PluginDirectoryScanner.load(pluginDirs, Plugin.class.getClassLoader()));
        return new PluginRegistry(all);
    }

    /** The plugins on {@code loader}'s class path, found with {@link ServiceLoader}. */
    public static List<PluginInfo> classpathPlugins(ClassLoader loader) {
        List<PluginInfo> found = new ArrayList<>();
        for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
            found.add(PluginInfo.of(plugin, "classpath"));
        }
        found.sort(java.util.Comparator.comparing(PluginInfo::name));
        return found;
    }

    private static void register(Map<String, RegisteredFactory> registered, RegisteredFactory entry) {
        String name = entry.name();
        if (name == null || !PluginInfo.KEBAB.matcher(name).matches()) {
            throw new PluginException("plugin " + entry.plugin().name() + " (" + entry.plugin().source() + ") declares "
                    + entry.kind().label() + " '" + name + "': names must be kebab-case");
        }
        RegisteredFactory previous = registered.putIfAbsent(name, entry);
        if (previous != null) {
            throw new PluginException("duplicate " + entry.kind().label() + " '" + name + "': declared by plugin "
                    + previous.plugin().name() + " (" + previous.plugin().source() + ") and by plugin "
                    + entry.plugin().name() + " (" + entry.plugin().source() + ")");
        }
    }

    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** The factories of one extension point, by name (sorted). */
    public Map<String, RegisteredFactory> factories(ComponentKind kind) {
        return factories.get(kind);
    }

    public Optional<RegisteredFactory> factory(ComponentKind kind, String name) {
        return Optional.ofNullable(factories.get(kind).get(name));
    }
}
