package dev.m6rec.core.config;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.core.prepare.FilterSettings;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import dev.m6rec.api.optimize.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated run: every section bound to its factory's schema. Produced only by
 * {@link RunConfigValidator}, so a RunConfig in hand is always complete and valid.
 *
 * @param source       the YAML file it came from (null when built in code)
 * @param resolved     the full config tree after interpolation and overrides, for provenance
 * @param seed         the run seed ({@code seed:}, default 42)
 * @param threads      worker threads ({@code threads:}, default = available processors)
 * @param pluginDirs   extra plugin directories ({@code plugins.dirs} and {@code --plugins})
 * @param searchSpace  the optimizer's {@code space}, parsed and checked against the configured components
 * @param filter       what is removed from the dataset before the split ({@code filter:}, default nothing)
 * @param eventsLog    an event log whose events join the dataset ({@code data.events.log}), resolved
 * @param spark        where Spark-backed components run ({@code spark:}); empty when nothing runs on Spark
 * @param models       the entries of {@code models:}, each a complete single-model config; empty for a config
 *                     with one {@code interest:} (then {@link #interest} is the model; with {@code models:} it is
 *                     the first entry's)
 *
 * Each component section carries the factory its {@code type} resolved to and its typed settings
 * ({@link ConfiguredComponent}): nothing after validation looks a name up again.
 */
public record RunConfig(Path source, Map<String, Object> resolved, long seed, int threads, List<Path> pluginDirs,
                        ConfiguredComponent data, ConfiguredComponent split,
                        List<ConfiguredComponent> userFeatures, List<ConfiguredComponent> itemFeatures,
                        ConfiguredComponent interest, Optional<ConfiguredComponent> similarity,
                        EvaluationSettings evaluation, RecommendSettings recommend, OutputSettings output,
                        Optional<ConfiguredComponent> optimizer, Optional<SearchSpace> searchSpace,
                        FilterSettings filter, Optional<Path> eventsLog, Optional<SparkSettings> spark,
                        List<ModelVariant> models) {
    public RunConfig {
        models = List.copyOf(models);
        Objects.requireNonNull(resolved, "resolved is null");
        pluginDirs = List.copyOf(pluginDirs);
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(split, "split is null");
        userFeatures = List.copyOf(userFeatures);
        itemFeatures = List.copyOf(itemFeatures);
        Objects.requireNonNull(interest, "interest is null");
        Objects.requireNonNull(similarity, "similarity is null");
        Objects.requireNonNull(evaluation, "evaluation is null");
        Objects.requireNonNull(recommend, "recommend is null");
        Objects.requireNonNull(output, "output is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(searchSpace, "searchSpace is null");
        Objects.requireNonNull(filter, "filter is null");
        Objects.requireNonNull(eventsLog, "eventsLog is null");
        Objects.requireNonNull(spark, "spark is null");
    }

    /** Whether this config compares several models ({@code models:}) rather than running one. */
    public boolean comparesModels() {
        return !models.isEmpty();
    }

    /** The folder relative paths in the config are resolved against (the config file's, else the working directory). */
    public Path baseDir() {
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /**
     * {@code raw} (the tree this config was validated from) with every path parameter that was given
     * written as the absolute path it resolved to, so the config runs the same from any folder.
     */
    public RawConfig withAbsolutePaths(RawConfig raw) {
        RawConfig out = raw;
        for (ConfiguredComponent c : components()) {
            for (ParamSpec p : c.registered().schema().params()) {
                if (p.type() == ParamType.PATH && c.section().givenValues().containsKey(p.key())) {
                    out = out.with(c.path() + "." + p.key(), String.valueOf(c.effective().get(p.key())));
                }
            }
        }
        return out;
    }

    /** Every component section in pipeline order: data, split, features, similarity, interest, optimizer. */
    public List<ConfiguredComponent> components() {
        List<ConfiguredComponent> all = new java.util.ArrayList<>();
        all.add(data);
        all.add(split);
        all.addAll(userFeatures);
        all.addAll(itemFeatures);
        similarity.ifPresent(all::add);
        all.add(interest);
        optimizer.ifPresent(all::add);
        return List.copyOf(all);
    }
}
