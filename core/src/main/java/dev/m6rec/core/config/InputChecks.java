package dev.m6rec.core.config;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.plugin.PluginFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What {@code m6rec config check} verifies beyond each section's own values, from what the config
 * alone decides and without loading data: every path parameter names a readable file or folder;
 * then each factory's {@link ComponentFactory#checkInputs} (a CSV header holds the configured
 * columns). Warnings do not fail the check: a metric cut-off above a catalogue size the config
 * decides (synthetic data) is measured on the whole list.
 */
public final class InputChecks {
    private InputChecks() {
    }

    /** Every problem, with its full key path; empty when the inputs are there. */
    public static List<ConfigProblem> problems(RunConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfiguredComponent c : config.components()) {
            int before = problems.size();
            for (ParamSpec param : c.registered().schema().params()) {
                Object value = param.type() == ParamType.PATH ? valueAt(c.effective(), param.key()) : null;
                if (value != null) {
                    Path path = Path.of(String.valueOf(value));
                    String key = c.path() + "." + param.key();
                    if (!Files.exists(path)) {
                        problems.add(new ConfigProblem(key, "no such file or folder: " + path));
                    } else if (!Files.isReadable(path)) {
                        problems.add(new ConfigProblem(key, "not readable: " + path));
                    }
                }
            }
            if (problems.size() == before) {
                checkInputs(c, problems);
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void checkInputs(ConfiguredComponent c, List<ConfigProblem> problems) {
        ComponentFactory<Record, ?> factory = (ComponentFactory<Record, ?>) c.factory();
        PluginFaults.run(factory, "checkInputs", () -> factory.checkInputs(c.settings(),
                (key, message) -> problems.add(new ConfigProblem(key.isEmpty() ? c.path() : c.path() + "." + key, message))));
    }

    /** Warnings about the config that do not stop a run (each "key: message"). */
    @SuppressWarnings("unchecked")
    public static List<String> warnings(RunConfig config) {
        List<String> warnings = new ArrayList<>();
        OptionalInt items = config.data().factory() instanceof DatasetLoaderFactory<?> loader
                ? ((DatasetLoaderFactory<Record>) loader).itemCount(config.data().settings()) : OptionalInt.empty();
        boolean metricsGiven = config.resolved().get("evaluation") instanceof Map<?, ?> evaluation
                && evaluation.containsKey("metrics");
        if (items.isPresent() && metricsGiven) {
            List<String> metrics = config.evaluation().metrics();
            for (int i = 0; i < metrics.size(); i++) {
                int k = MetricSpec.parse(metrics.get(i)).k();
                if (k > items.getAsInt()) {
                    warnings.add("evaluation.metrics[" + i + "]: " + metrics.get(i) + " asks for more items than the "
                            + items.getAsInt() + " of data (" + config.data().type() + "); its lists hold them all");
                }
            }
        }
        return warnings;
    }

    /** The value at a dotted key ({@code item-attributes.path}) of a section's effective settings, or null. */
    private static Object valueAt(Map<String, Object> section, String key) {
        if (section.containsKey(key)) {
            return section.get(key);
        }
        int dot = key.indexOf('.');
        if (dot > 0 && section.get(key.substring(0, dot)) instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) nested;
            return valueAt(inner, key.substring(dot + 1));
        }
        return null;
    }
}
