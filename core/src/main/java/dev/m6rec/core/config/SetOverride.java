package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One {@code --set key=value} from the command line. The key is a {@link ConfigPath}; the value
 * is read as a YAML scalar ({@code 30}, {@code 0.5}, {@code true}, {@code mlp}) or, when it starts
 * with {@code [} or <code>{</code>, as a flow collection ({@code [64,32]}), with the same safe
 * parser as config files: no tags, nothing constructed from a class name.
 *
 * @param path  where the value goes
 * @param value plain YAML data: a scalar, a list or a mapping
 */
record SetOverride(ConfigPath path, Object value) {
    private static final Resolver RESOLVER = new Resolver();

    SetOverride {
        Objects.requireNonNull(path, "path is null");
    }

    /** Parses {@code key=value}; problems (malformed key or value) are appended and null returned. */
    static SetOverride parse(String text, List<ConfigProblem> problems) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            problems.add(new ConfigProblem("--set " + text, "expected key=value"));
            return null;
        }
        String key = text.substring(0, eq).trim();
        ConfigPath path;
        try {
            path = ConfigPath.parse(key);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("--set " + text, e.getMessage()));
            return null;
        }
        String raw = text.substring(eq + 1).trim();
        if (!startsStructured(raw)) {
            return new SetOverride(path, scalar(raw));
        }
        List<ConfigProblem> scanned = SafeYamlScan.scanValue(raw, path.toString());
        if (!scanned.isEmpty()) {
            for (ConfigProblem p : scanned) {
                problems.add(new ConfigProblem(p.path(), "--set value " + raw + ": " + p.message()));
            }
            return null;
        }
        try {
            return new SetOverride(path, ConfigTree.mutableValue(yaml().load(raw), path.toString()));
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(new ConfigProblem(p.path(), "--set value: " + p.message())));
            return null;
        } catch (YAMLException e) {
            problems.add(new ConfigProblem(path.toString(), "--set value " + raw + ": " + e.getMessage()));
            return null;
        }
    }

    private static boolean startsStructured(String raw) {
        return raw.startsWith("[") || raw.startsWith("{") || raw.startsWith("\"") || raw.startsWith("'");
    }

    /** A plain scalar typed as YAML would type it; anything not a number, boolean or null stays text. */
    private static Object scalar(String raw) {
        Tag tag = RESOLVER.resolve(NodeId.scalar, raw, true);
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return raw;
        }
        return yaml().load(raw);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
