package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of one similarity model.
 *
 * @param path       the config path of the section, for messages ({@code similarity})
 * @param measure    how vectors are compared
 * @param source     what is compared
 * @param neighbours how many neighbours are kept per item
 * @param shrinkage  support damping of interaction similarities (0 = none)
 * @param minSupport fewest common users for a non-zero interaction similarity
 * @param binary     whether interactions count as 1 regardless of rating
 * @param weights    hybrid only: weight per blended source, in declaration order of {@link Source}
 */
record SimilaritySettings(String path, Measure measure, Source source, int neighbours, float shrinkage,
                          int minSupport, boolean binary, Map<Source, Float> weights) {

    SimilaritySettings {
        requireNonNull(path, "path is null");
        requireNonNull(measure, "measure is null");
        requireNonNull(source, "source is null");
        weights = Collections.unmodifiableMap(new EnumMap<>(weights.isEmpty() ? Map.of(source, 1f) : weights));
    }

    /** Reads a config that passed {@link #problems}. */
    static SimilaritySettings from(Measure measure, ComponentConfig config) {
        Source source = Source.fromLabel(config.getString("source")).orElseThrow();
        Map<Source, Float> weights = new EnumMap<>(Source.class);
        if (source == Source.HYBRID) {
            for (Map.Entry<String, Object> e : config.getMap("sources").entrySet()) {
                weights.put(Source.fromLabel(e.getKey()).orElseThrow(), (float) number(e.getValue()));
            }
        }
        return new SimilaritySettings(config.path(), measure, source, config.getInt("neighbours"),
                config.getFloat("shrinkage"), config.getInt("min-support"), config.getBoolean("binary"), weights);
    }

    /** Checks across parameters that the schema cannot express; paths are full key paths. */
    static List<ConfigProblem> problems(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String source = config.getString("source");
        Map<String, Object> sources = config.getMap("sources");
        boolean usesInteractions = Source.INTERACTIONS.label().equals(source);
        if (Source.HYBRID.label().equals(source)) {
            if (sources.isEmpty()) {
                problems.add(new ConfigProblem(config.path() + ".sources",
                        "required when source is hybrid, e.g. {interactions: 0.7, features: 0.3}"));
            }
            for (Map.Entry<String, Object> e : sources.entrySet()) {
                String where = config.path() + ".sources." + e.getKey();
                if (!Source.blendableLabels().contains(e.getKey())) {
                    problems.add(new ConfigProblem(where, "unknown source; must be one of " + Source.blendableLabels()));
                    continue;
                }
                usesInteractions |= e.getKey().equals(Source.INTERACTIONS.label());
                double weight = number(e.getValue());
                if (Double.isNaN(weight)) {
                    problems.add(new ConfigProblem(where, "expected a number (was " + show(e.getValue()) + ")"));
                } else if (weight <= 0) {
                    problems.add(new ConfigProblem(where, "must be > 0 (was " + show(e.getValue()) + ")"));
                }
            }
        } else if (config.isSet("sources")) {
            problems.add(new ConfigProblem(config.path() + ".sources",
                    "only used when source is hybrid (source is " + source + ")"));
        }
        if (!usesInteractions) {
            for (String key : List.of("shrinkage", "min-support", "binary")) {
                if (config.isSet(key)) {
                    problems.add(new ConfigProblem(config.path() + "." + key,
                            "applies only to the interactions source (source is " + source + ")"));
                }
            }
        }
        return problems;
    }

    /** A number given in YAML or on the command line; NaN when it is not one. */
    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? Double.NaN : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String show(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : n.toString();
        }
        return "'" + value + "'";
    }
}
