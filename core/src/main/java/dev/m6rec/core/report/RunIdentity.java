package dev.m6rec.core.report;

import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a report says was run, so that two reports of one config run with different
 * {@code --set} overrides can be told apart: the title, the config file, the overrides, the
 * model(s), the dataset, the seed, M6-Rec's version, the date and the plugins with their versions.
 */
public record RunIdentity(String title, String configFile, List<String> overrides, String models, String dataset,
                          long seed, String version, Instant date, Map<String, String> plugins) {
    public RunIdentity {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(configFile, "configFile is null");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(models, "models is null");
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(date, "date is null");
        plugins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
    }

    /**
     * The identity of a run of {@code config} (read from {@code configFile} with {@code overrides}),
     * started at {@code date} with the plugins of {@code registry}.
     */
    public static RunIdentity of(String title, Path configFile, List<String> overrides, RunConfig config,
                                 PluginRegistry registry, Instant date) {
        Map<String, String> plugins = new LinkedHashMap<>();
        for (PluginInfo plugin : registry.plugins()) {
            plugins.put(plugin.name(), plugin.version());
        }
        String version = plugins.getOrDefault("core", "unknown");
        return new RunIdentity(title, String.valueOf(configFile), overrides, models(config), dataset(config),
                config.seed(), version, date, plugins);
    }

    /** The same identity under another title and model description (one model of a comparison). */
    public RunIdentity forModel(String modelTitle, RunConfig model) {
        return new RunIdentity(modelTitle, configFile, overrides, models(model), dataset, seed, version, date, plugins);
    }

    /** The facts as the report lists them. */
    Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("config file", configFile);
        facts.put("overrides", overrides.isEmpty() ? "none" : String.join("  ", overrides));
        facts.put("model(s)", models);
        facts.put("dataset", dataset);
        facts.put("seed", Long.toString(seed));
        facts.put("M6-Rec version", version);
        facts.put("date", DateTimeFormatter.ISO_INSTANT.format(date.atOffset(ZoneOffset.UTC).withNano(0).toInstant()));
        facts.put("plugins", plugins.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        return facts;
    }

    private static String models(RunConfig config) {
        if (config.comparesModels()) {
            return config.models().stream().map(v -> v.name() + " (" + v.config().interest().type() + ")")
                    .collect(Collectors.joining(", "));
        }
        return "interest " + config.interest().type()
                + config.similarity().map(s -> ", similarity " + s.type()).orElse("");
    }

    private static String dataset(RunConfig config) {
        Object path = config.resolved().get("data") instanceof Map<?, ?> data ? data.get("path") : null;
        return config.data().type() + (path == null ? "" : " (" + path + ")");
    }
}
