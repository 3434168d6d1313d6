package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A config as loaded: the YAML tree after {@code --set} overrides and {@code ${env:..}} /
 * {@code ${sys:..}} interpolation, not yet validated. The tree is plain data (nested maps in
 * YAML order, lists, strings, numbers, booleans) and unmodifiable; {@link #with} makes an edited
 * copy, e.g. for one tuning trial.
 *
 * <pre>{@code
 * RawConfig raw = ConfigLoader.load(Path.of("quickstart.yaml"), List.of("interest.epochs=30"));
 * RawConfig trial = raw.with("interest.hidden[0]", 64);
 * Files.writeString(dir.resolve("best.yaml"), trial.toYaml());
 * }</pre>
 *
 * @param source the YAML file it came from, or {@code null} when built in code
 * @param tree   the config tree
 */
public record RawConfig(Path source, Map<String, Object> tree) {
    public RawConfig {
        tree = ConfigTree.frozenCopy(Objects.requireNonNull(tree, "tree is null"));
    }

    /** A config built in code (tests, embedding hosts); relative paths resolve against the working directory. */
    public static RawConfig fromMap(Map<String, Object> tree) {
        return new RawConfig(null, tree);
    }

    /**
     * A copy with the value at a dotted/indexed path ({@code interest.hidden[0]},
     * {@code interest.loss.click}) replaced or added; throws {@link ConfigException} naming the
     * path when the tree is in the way (e.g. a key inside a number).
     */
    public RawConfig with(String path, Object value) {
        ConfigPath at;
        try {
            at = ConfigPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(String.valueOf(path), e.getMessage());
        }
        Map<String, Object> copy = ConfigTree.mutableCopy(tree);
        try {
            at.set(copy, ConfigTree.mutableValue(value, at.toString()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at.toString(), e.getMessage());
        }
        return new RawConfig(source, copy);
    }

    /** The value at a dotted/indexed path, if present. */
    public Optional<Object> get(String path) {
        return ConfigPath.parse(path).get(tree);
    }

    /** The directory relative paths in this config resolve against: the config file's folder. */
    public Path baseDirectory() {
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /**
     * The directories of {@code plugins.dirs}, resolved against {@link #baseDirectory()}; empty
     * when not given. Throws {@link ConfigException} when the section is malformed, so a CLI can
     * call this before discovering plugins and validating the rest.
     */
    public List<Path> pluginDirs() {
        Object plugins = tree.get("plugins");
        if (plugins == null) {
            return List.of();
        }
        if (!(plugins instanceof Map<?, ?> section)) {
            throw new ConfigException("plugins", "expected a mapping (was " + ValueFormat.show(plugins) + ")");
        }
        Object dirs = section.get("dirs");
        if (dirs == null) {
            return List.of();
        }
        if (!(dirs instanceof List<?> list)) {
            throw new ConfigException("plugins.dirs", "expected a list of strings (was " + ValueFormat.show(dirs) + ")");
        }
        List<Path> resolved = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object dir = list.get(i);
            String where = ConfigPath.index("plugins.dirs", i);
            if (dir == null || dir instanceof Map<?, ?> || dir instanceof List<?>) {
                throw new ConfigException(where, "expected a string (was " + (dir == null ? "empty" : ValueFormat.show(dir)) + ")");
            }
            try {
                resolved.add(baseDirectory().resolve(String.valueOf(dir)).normalize());
            } catch (InvalidPathException e) {
                throw new ConfigException(where, "not a valid path (was " + ValueFormat.show(dir) + ")");
            }
        }
        return List.copyOf(resolved);
    }

    /**
     * The config as a complete, runnable YAML document (used for {@code best.yaml}). Plugin
     * directories are written as absolute paths so the file works from anywhere; a literal
     * {@code ${} is escaped so reloading does not interpolate it again.
     */
    public String toYaml() {
        Map<String, Object> out = ConfigTree.mutableCopy(tree);
        if (source != null && tree.get("plugins") instanceof Map<?, ?> && !pluginDirs().isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plugins = (Map<String, Object>) out.get("plugins");
            plugins.put("dirs", new ArrayList<>(pluginDirs().stream().map(Path::toString).toList()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options).dump(escaped(out));
    }

    @SuppressWarnings("unchecked")
    private static Object escaped(Object value) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).replaceAll((k, v) -> escaped(v));
            return map;
        }
        if (value instanceof List<?> list) {
            ((List<Object>) list).replaceAll(RawConfig::escaped);
            return list;
        }
        return value instanceof String s ? s.replace("${", "$${") : value;
    }
}
