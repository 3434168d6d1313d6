package dev.m6rec.core.config;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code spark:} section: a master URL Spark accepts and {@code spark.*} conf entries with
 * scalar values. Checked here, without Spark on the class path, so a typo fails before a session
 * starts; an absent section means nothing runs on Spark.
 */
final class SparkSection {
    static final String PATH = "spark";

    private SparkSection() {
    }

    static ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("master", SparkSettings.DEFAULT_MASTER, "where the driver connects: " + SparkMasterUrl.EXPECTED
                        + " (spark-submit's --master wins)")
                .mapParam("conf", "Spark configuration entries, e.g. {spark.executor.memory: 2g}")
                .build();
    }

    /** The settings, or empty when the config has no section or the section has problems (added to {@code problems}). */
    static Optional<SparkSettings> bind(BoundComponentConfig section, boolean given, List<ConfigProblem> problems) {
        if (!given) {
            return Optional.empty();
        }
        int before = problems.size();
        String master = section.getString("master");
        if (master != null && !SparkMasterUrl.isKnown(master)) {
            problems.add(new ConfigProblem(PATH + ".master", SparkMasterUrl.unknown(master)));
        }
        Map<String, String> conf = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : section.getMap("conf").entrySet()) {
            String where = PATH + ".conf." + e.getKey();
            if (!e.getKey().startsWith("spark.")) {
                problems.add(new ConfigProblem(where, "Spark configuration keys start with 'spark.'"));
            } else if (e.getValue() == null || e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                problems.add(new ConfigProblem(where, "expected a single value (was " + ValueFormat.show(e.getValue())
                        + ")"));
            } else {
                conf.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new SparkSettings(master, conf));
    }
}
