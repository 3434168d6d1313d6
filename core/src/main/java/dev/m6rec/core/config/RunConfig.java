package dev.m6rec.core.config;

import dev.m6rec.core.prepare.FilterSettings;
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
 * @param filter       what is removed from the dataset before the split ({@code filter:}, default nothing)
 */
public record RunConfig(Path source, Map<String, Object> resolved, long seed, int threads, List<Path> pluginDirs,
                        BoundComponentConfig data, BoundComponentConfig split,
                        List<BoundComponentConfig> userFeatures, List<BoundComponentConfig> itemFeatures,
                        BoundComponentConfig interest, Optional<BoundComponentConfig> similarity,
                        EvaluationSettings evaluation, RecommendSettings recommend, OutputSettings output,
                        Optional<BoundComponentConfig> optimizer, FilterSettings filter) {
    public RunConfig {
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
        Objects.requireNonNull(filter, "filter is null");
    }
}
