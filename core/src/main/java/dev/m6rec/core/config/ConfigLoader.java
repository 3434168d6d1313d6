package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads a run's YAML file: a safety scan of the parser events (no tags, no duplicate keys,
 * syntax errors with file:line:column), then Commons Configuration's {@link YAMLConfiguration}
 * with SnakeYAML's safe constructor, then {@code --set} overrides, then {@code ${env:X}} /
 * {@code ${sys:x}} interpolation. All problems of a step are reported together.
 *
 * <pre>{@code
 * RawConfig raw = ConfigLoader.load(Path.of("quickstart.yaml"), List.of("interest.epochs=30", "interest.hidden[0]=64"));
 * }</pre>
 */
public final class ConfigLoader {
    /**
     * The largest config file read. Real configs are a few KB. SnakeYAML needs about 5 s per MiB
     * of one long scalar, so a 50 MB quoted string stalled it for minutes; at 256 KiB the worst
     * file parses in about a second.
     */
    public static final int MAX_CONFIG_BYTES = 256 << 10;

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;

    /** A loader reading variables from the given sources instead of the process (tests, hosts). */
    public ConfigLoader(Function<String, String> environment, Function<String, String> systemProperties) {
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties is null");
    }

    /** Loads {@code file} with the process environment and system properties. */
    public static RawConfig load(Path file, List<String> setOverrides) {
        return new ConfigLoader(System::getenv, System::getProperty).read(file, setOverrides);
    }

    /** Loads {@code file}; a missing or unreadable file is a {@link ConfigException} naming it. */
    public RawConfig read(Path file, List<String> setOverrides) {
        Objects.requireNonNull(file, "file is null");
        if (Files.isDirectory(file)) {
            throw new ConfigException(file.toString(), "is a directory, expected a YAML config file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), "config file not found");
        }
        byte[] bytes;
        // Read at most one byte past the limit: the size on disk may change, or lie (/proc).
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw tooLarge(file.toString());
        }
        return parse(ConfigText.decode(bytes, file.toString()), file, setOverrides);
    }

    private static ConfigException tooLarge(String name) {
        return new ConfigException(name, "config file is larger than 256 KiB; a config is a few KB");
    }

    /** Parses YAML text as if read from {@code source} (used in messages and to resolve relative paths). */
    public RawConfig parse(String yaml, Path source, List<String> setOverrides) {
        Objects.requireNonNull(yaml, "yaml is null");
        String name = source == null ? "<config>" : source.toString();
        if (yaml.length() > MAX_CONFIG_BYTES) {
            throw tooLarge(name);
        }
        ConfigText.refuseControlCharacters(yaml, name);
        List<ConfigProblem> problems = new ArrayList<>(SafeYamlScan.scanDocument(yaml, name));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, Object> tree = readTree(yaml, name);
        for (String text : setOverrides) {
            SetOverride override = SetOverride.parse(text, problems);
            if (override != null) {
                try {
                    override.path().set(tree, override.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(override.path().toString(), "--set: " + e.getMessage()));
                }
            }
        }
        new VariableInterpolator(environment, systemProperties).interpolate(tree, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RawConfig(source, tree);
    }

    /** Reads the scanned text through Commons Configuration, keeping SnakeYAML's plain tree. */
    private static Map<String, Object> readTree(String yaml, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        TreeCapturingYamlConfiguration config = new TreeCapturingYamlConfiguration();
        try {
            config.read(new StringReader(yaml), options);
        } catch (org.apache.commons.configuration2.ex.ConfigurationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(name, "cannot read YAML: " + cause.getMessage());
        }
        return config.tree == null ? new LinkedHashMap<>() : ConfigTree.mutableCopy(config.tree);
    }

    /**
     * Keeps the tree SnakeYAML produced instead of Commons Configuration's node model, which
     * folds one-element lists into scalars, drops empty lists and splits keys on dots (search
     * space keys such as {@code interest.hidden[0]} must survive as written).
     */
    private static final class TreeCapturingYamlConfiguration extends YAMLConfiguration {
        private Map<String, Object> tree;

        @Override
        protected void load(Map<String, Object> map) {
            this.tree = map;
        }
    }
}
