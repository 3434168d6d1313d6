package dev.m6rec.api;

import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.List;

/**
 * The entry point of a plugin jar, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.m6rec.api.Plugin}. A plugin contributes factories; every factory
 * has a fixed kebab-case {@code name()} that YAML selects with {@code type:}.
 *
 * <pre>{@code
 * public final class MyPlugin implements Plugin {
 *     public String name() { return "my-plugin"; }
 *     public List<SimilarityModelFactory<?>> similarityModels() { return List.of(new TagOverlapFactory()); }
 * }
 * }</pre>
 *
 * All methods but {@link #name()} default to contributing nothing.
 */
public interface Plugin {

    /** A fixed kebab-case name for this plugin, shown by {@code m6rec plugins} and in manifests. */
    String name();

    /** The plugin's version, recorded in artifact manifests; defaults to the jar's implementation version. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    default List<DatasetLoaderFactory<?>> datasetLoaders() {
        return List.of();
    }

    default List<DatasetSplitterFactory<?>> datasetSplitters() {
        return List.of();
    }

    default List<FeatureExtractorFactory<?>> featureExtractors() {
        return List.of();
    }

    default List<InterestModelFactory<?>> interestModels() {
        return List.of();
    }

    default List<SimilarityModelFactory<?>> similarityModels() {
        return List.of();
    }

    default List<StrategyOptimizerFactory<?>> strategyOptimizers() {
        return List.of();
    }
}
