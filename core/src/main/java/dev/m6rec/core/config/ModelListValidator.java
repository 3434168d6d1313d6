package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates {@code models: [{name: ease, interest: {type: ease}}, ...]}: every entry is checked as
 * the whole config with its {@code interest:} in place of the list, and the entry's problems are
 * reported at its own key path ({@code models[1].interest.epochs}). A name defaults to the model's
 * type; names are unique and make folder names.
 */
final class ModelListValidator {
    static final String KEY = "models";
    private static final Set<String> ENTRY_KEYS = Set.of("name", "interest");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** What the comparison itself writes in output.dir beside the models' folders. */
    private static final Set<String> RESERVED = Set.of("artifact", "metrics.json", "report.html", "per-user.tsv");

    private ModelListValidator() {
    }

    /**
     * How to reach one model of the list, e.g. after {@code --set interest.epochs=10} on a comparison:
     * "; to change one model, set models[i].interest.<key> (models[0] is popularity, ...)".
     */
    private static String entryHint(Object value) {
        if (!(value instanceof List<?> entries) || entries.isEmpty()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            Object name = entries.get(i) instanceof Map<?, ?> entry ? entry.get("name") : null;
            if (name == null && entries.get(i) instanceof Map<?, ?> entry
                    && entry.get("interest") instanceof Map<?, ?> interest) {
                name = interest.get("type");
            }
            names.append(i == 0 ? "" : ", ").append(ConfigPath.index(KEY, i)).append(" is ")
                    .append(name == null ? "unnamed" : ValueFormat.show(name));
        }
        return "; to change one model of the list, set " + ConfigPath.index(KEY, 0)
                + ".interest.<key> and so on (" + names + ")";
    }

    /** The variants of {@code raw}'s {@code models:} list; throws one ConfigException with every problem. */
    static List<ModelVariant> validate(RawConfig raw, PluginRegistry registry) {
        Set<ConfigProblem> problems = new LinkedHashSet<>();
        Object value = raw.tree().get(KEY);
        if (raw.tree().containsKey("interest")) {
            problems.add(new ConfigProblem(KEY, "give either 'interest' (one model) or 'models' (several), not both"
                    + entryHint(raw.tree().get(KEY))));
        }
        if (raw.tree().containsKey("optimizer")) {
            problems.add(new ConfigProblem(KEY, "a study tunes one model: 'optimizer' needs 'interest', not 'models'"));
        }
        if (!(value instanceof List<?> entries) || entries.isEmpty()) {
            problems.add(new ConfigProblem(KEY, value instanceof List<?>
                    ? "must name at least one model, e.g. [{name: ease, interest: {type: ease}}]"
                    : "expected a list of {name: ..., interest: {type: ...}} (was "
                    + (value == null ? "empty" : ValueFormat.show(value)) + ")"));
            throw new ConfigException(List.copyOf(problems));
        }
        Map<String, Object> base = new HashMap<>(raw.tree());
        base.remove(KEY);
        base.remove("interest");
        Map<String, Integer> seen = new HashMap<>();
        List<ModelVariant> variants = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = ConfigPath.index(KEY, i);
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(new ConfigProblem(path, "expected {name: ..., interest: {type: ...}} (was "
                        + ValueFormat.show(entries.get(i)) + ")"));
                continue;
            }
            for (Object key : entry.keySet()) {
                if (!ENTRY_KEYS.contains(String.valueOf(key))) {
                    problems.add(new ConfigProblem(ConfigPath.key(path, String.valueOf(key)),
                            SectionBinder.unknownKeyMessage(String.valueOf(key), ENTRY_KEYS)));
                }
            }
            if (!entry.containsKey("interest")) {
                problems.add(new ConfigProblem(ConfigPath.key(path, "interest"), "required: the model, {type: ...}"));
                continue;
            }
            String name = name(entry, path, problems);
            if (name != null && seen.putIfAbsent(name, i) != null) {
                problems.add(new ConfigProblem(ConfigPath.key(path, "name"), "'" + name + "' is already the name of "
                        + ConfigPath.index(KEY, seen.get(name)) + "; give each model its own name"));
            }
            Map<String, Object> tree = new HashMap<>(base);
            tree.put("interest", entry.get("interest"));
            try {
                RunConfig config = RunConfigValidator.validate(new RawConfig(raw.source(), tree), registry);
                variants.add(new ModelVariant(name == null ? "?" : name, config));
            } catch (ConfigException e) {
                // The shared sections' problems are the same for every entry: the set keeps one of each.
                e.problems().forEach(p -> problems.add(p.path().equals("interest") || p.path().startsWith("interest.")
                        || p.path().startsWith("interest[") ? new ConfigProblem(path + "." + p.path(), p.message()) : p));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(List.copyOf(problems));
        }
        return List.copyOf(variants);
    }

    /** The entry's name, its interest type when not given; null (a problem recorded) when unusable. */
    private static String name(Map<?, ?> entry, String path, Set<ConfigProblem> problems) {
        Object name = entry.get("name");
        if (name == null && entry.get("interest") instanceof Map<?, ?> interest && interest.get("type") instanceof String type) {
            name = type;
        }
        if (name instanceof String text && RESERVED.contains(text)) {
            problems.add(new ConfigProblem(ConfigPath.key(path, "name"), "'" + text + "' is a file of the run's own "
                    + "output; choose another name"));
            return null;
        }
        if (name instanceof String text && NAME.matcher(text).matches()) {
            return text;
        }
        if (name != null || entry.containsKey("name")) {
            problems.add(new ConfigProblem(ConfigPath.key(path, "name"), "expected a name of letters, digits, '.', '_' "
                    + "or '-', at most 64 (was " + ValueFormat.show(name) + ")"));
        }
        return null;
    }
}
