package dev.m6rec.core.artifact;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a stored pipeline: format version, the config that made it (as written, so it
 * can be rebuilt), the plugins with their versions, every component with its effective settings
 * (defaults filled in, paths resolved), the JDK and library versions, the seed, the metrics
 * measured at training time, and the SHA-256 of every file ({@code folder/name}).
 */
public record ArtifactManifest(String format, int formatVersion, Map<String, Object> config, long seed,
                               List<PluginEntry> plugins, List<ComponentEntry> components,
                               Map<String, String> libraries,
                               Map<String, Map<String, Double>> metrics, Map<String, String> files) {
    public static final String FORMAT = "m6rec-artifact";
    public static final int CURRENT_VERSION = 1;

    public ArtifactManifest {
        config = config == null ? Map.of() : config;
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        components = components == null ? List.of() : List.copyOf(components);
        libraries = libraries == null ? Map.of() : libraries;
        metrics = metrics == null ? Map.of() : metrics;
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /**
     * A plugin that contributed to the pipeline, and where it was loaded from when the pipeline was
     * trained: {@code classpath}, or its jar or folder in a plugins directory. A later load without
     * the plugin names that jar and directory. Manifests written before the source was recorded
     * have none ({@code null}).
     */
    public record PluginEntry(String name, String version, String source) {
        public PluginEntry(String name, String version) {
            this(name, version, null);
        }

        /** Reads an entry with or without {@code source} (the strict reader requires every creator property). */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PluginEntry fromJson(Map<String, String> fields) {
            return new PluginEntry(fields.get("name"), fields.get("version"), fields.get("source"));
        }
    }

    /**
     * A stored component: its config path, chosen type, plugin, folder in the artifact, and every
     * parameter's effective value.
     */
    public record ComponentEntry(String path, String type, String plugin, String folder, Map<String, Object> settings) {
        public ComponentEntry {
            settings = settings == null ? Map.of() : settings;
        }
    }
}
