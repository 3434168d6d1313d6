package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code optimizer.space}: each key is a config path, each value one kind with its range or
 * choices, optionally {@code when: {parent.path: [values]}}. A path must name something that
 * exists: a key present in the config, a parameter its component declares, or a component's
 * {@code type}. Every problem is collected with its key path.
 *
 * <pre>{@code
 * space:
 *   interest.hidden[0]: { int: [32, 256] }
 *   interest.learning-rate: { log-float: [0.0001, 0.1] }
 *   similarity.type: { choice: [cosine, jaccard] }
 *   similarity.shrinkage: { float: [0, 100], when: { similarity.type: [cosine] } }
 * }</pre>
 */
public final class SearchSpaceParser {
    private static final String PREFIX = "optimizer.space";
    private final RunConfig config;
    private final PluginRegistry registry;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SearchSpaceParser(RunConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The space, or a {@link dev.m6rec.api.ConfigException} listing every problem. */
    public static SearchSpace parse(Map<String, Object> space, RunConfig config, PluginRegistry registry) {
        SearchSpaceParser parser = new SearchSpaceParser(config, registry);
        Map<String, Map<String, Object>> flat = new LinkedHashMap<>();
        parser.flatten("", space, flat);
        List<SearchParameter> parameters = new ArrayList<>();
        flat.forEach((path, spec) -> parser.parameter(path, spec).ifPresent(parameters::add));
        if (flat.isEmpty()) {
            parser.problems.add(new ConfigProblem(PREFIX, "the search space is empty"));
        }
        List<SearchParameter> ordered = parser.parentsFirst(parameters);
        if (!parser.problems.isEmpty()) {
            throw new dev.m6rec.api.ConfigException(parser.problems);
        }
        return new SearchSpace(ordered);
    }

    /** YAML may nest dotted keys ({@code interest: {hidden[0]: ...}}); a mapping with a kind key is a leaf. */
    private void flatten(String prefix, Map<String, Object> node, Map<String, Map<String, Object>> out) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (!(e.getValue() instanceof Map<?, ?> map)) {
                problems.add(new ConfigProblem(PREFIX + "." + path, "expected a mapping such as { float: [0, 1] }"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) map;
            boolean leaf = child.keySet().stream().anyMatch(k -> kindOf(k).isPresent() || k.equals("when"));
            if (leaf) {
                out.put(path, child);
            } else {
                flatten(path, child, out);
            }
        }
    }

    private static Optional<ParameterKind> kindOf(String key) {
        for (ParameterKind kind : ParameterKind.values()) {
            if (kind.yamlName().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private Optional<SearchParameter> parameter(String path, Map<String, Object> spec) {
        String where = PREFIX + "." + path;
        checkPathExists(path, where);
        List<String> kinds = spec.keySet().stream().filter(k -> !k.equals("when")).toList();
        if (kinds.size() != 1 || kindOf(kinds.get(0)).isEmpty()) {
            problems.add(new ConfigProblem(where, "expected exactly one of [float, log-float, int, log-int, choice] (was "
                    + kinds + ")"));
            return Optional.empty();
        }
        ParameterKind kind = kindOf(kinds.get(0)).orElseThrow();
        Object range = spec.get(kinds.get(0));
        SearchParameter parameter;
        if (kind == ParameterKind.CHOICE) {
            if (!(range instanceof List<?> choices) || choices.isEmpty()) {
                problems.add(new ConfigProblem(where + ".choice", "expected a non-empty list of values"));
                return Optional.empty();
            }
            parameter = SearchParameter.choice(path, new ArrayList<>(choices));
        } else {
            Optional<double[]> bounds = bounds(where + "." + kind.yamlName(), range, kind);
            if (bounds.isEmpty()) {
                return Optional.empty();
            }
            parameter = SearchParameter.numeric(path, kind, bounds.get()[0], bounds.get()[1]);
        }
        Object when = spec.get("when");
        if (when != null) {
            if (!(when instanceof Map<?, ?> condition) || condition.size() != 1
                    || !(condition.values().iterator().next() instanceof List<?>)) {
                problems.add(new ConfigProblem(where + ".when", "expected { parent.path: [values] }"));
                return Optional.empty();
            }
            String parent = String.valueOf(condition.keySet().iterator().next());
            parameter = parameter.when(parent, new ArrayList<>((List<?>) condition.values().iterator().next()));
        }
        return Optional.of(parameter);
    }

    private Optional<double[]> bounds(String where, Object range, ParameterKind kind) {
        if (!(range instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Number)
                || !(list.get(1) instanceof Number)) {
            problems.add(new ConfigProblem(where, "expected [low, high] (was " + range + ")"));
            return Optional.empty();
        }
        double low = ((Number) list.get(0)).doubleValue();
        double high = ((Number) list.get(1)).doubleValue();
        if (!(low <= high)) {
            problems.add(new ConfigProblem(where, "low must be <= high (was [" + list.get(0) + ", " + list.get(1) + "])"));
            return Optional.empty();
        }
        if (kind.isLog() && low <= 0) {
            problems.add(new ConfigProblem(where, "a log range must be > 0 (was [" + list.get(0) + ", " + list.get(1) + "])"));
            return Optional.empty();
        }
        if (kind.isInteger() && (low != Math.rint(low) || high != Math.rint(high))) {
            problems.add(new ConfigProblem(where, "an int range needs integer bounds (was [" + list.get(0) + ", " + list.get(1) + "])"));
            return Optional.empty();
        }
        return Optional.of(new double[] {low, high});
    }

    /** A path exists when the component it falls in declares the key (or it is the component's type). */
    private void checkPathExists(String path, String where) {
        Optional<ConfiguredComponent> owner = componentOwning(path);
        if (owner.isEmpty()) {
            String section = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (section.equals("recommend")) {
                checkKey(CoreSectionSchemas.recommend(), path.substring("recommend.".length()), path, where);
            } else {
                problems.add(new ConfigProblem(where, "no such config path: '" + path + "' is not in a configured component"));
            }
            return;
        }
        ConfiguredComponent component = owner.get();
        String key = path.substring(component.path().length() + 1);
        if (key.equals("type")) {
            return;
        }
        checkKey(component.registered().schema(), key, path, where);
    }

    private void checkKey(ConfigSchema schema, String key, String path, String where) {
        String bare = key.replaceAll("\\[\\d+]$", "");
        boolean indexed = !bare.equals(key);
        var spec = schema.param(bare);
        if (spec.isPresent() && (!indexed || spec.get().type().isList())) {
            return;
        }
        List<String> keys = schema.params().stream().map(p -> p.key()).toList();
        String hint = DidYouMean.closest(bare, keys).map(k -> "; did you mean '" + path.substring(0, path.length() - key.length()) + k + "'?")
                .orElse("");
        problems.add(new ConfigProblem(where, "no such config path: '" + path + "'" + hint));
    }

    private Optional<ConfiguredComponent> componentOwning(String path) {
        return config.components().stream()
                .filter(c -> c.kind() != ComponentKind.OPTIMIZER && path.startsWith(c.path() + "."))
                .findFirst();
    }

    /** Conditional parameters after their parents; a parent that is not in the space is an error. */
    private List<SearchParameter> parentsFirst(List<SearchParameter> parameters) {
        List<SearchParameter> ordered = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        List<SearchParameter> pending = new ArrayList<>(parameters);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext();) {
                SearchParameter p = it.next();
                if (!p.isConditional() || placed.contains(p.parentPath())) {
                    ordered.add(p);
                    placed.add(p.path());
                    it.remove();
                    progress = true;
                }
            }
        }
        for (SearchParameter p : pending) {
            problems.add(new ConfigProblem(PREFIX + "." + p.path() + ".when",
                    "'" + p.parentPath() + "' is not a parameter of the search space"));
        }
        return ordered;
    }
}
