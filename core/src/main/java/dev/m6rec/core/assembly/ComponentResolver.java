package dev.m6rec.core.assembly;

import com.google.inject.Inject;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.plugin.ComponentKind;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where a configured {@code type} name becomes a factory. Built by the run's
 * injector from the per-extension-point {@code MapBinder}s; an unknown name fails with a
 * {@link ConfigException} naming the section and listing the available names.
 *
 * <pre>{@code
 * ComponentResolver resolver = Assembly.create(registry);
 * InterestModel model = resolver.interestModel(config.interest().type()).create(config.interest(), context);
 * }</pre>
 */
public final class ComponentResolver {
    private final Map<String, DatasetLoaderFactory> loaders;
    private final Map<String, DatasetSplitterFactory> splitters;
    private final Map<String, FeatureExtractorFactory> featureExtractors;
    private final Map<String, InterestModelFactory> interestModels;
    private final Map<String, SimilarityModelFactory> similarityModels;
    private final Map<String, StrategyOptimizerFactory> optimizers;

    @Inject
    public ComponentResolver(Map<String, DatasetLoaderFactory> loaders,
                             Map<String, DatasetSplitterFactory> splitters,
                             Map<String, FeatureExtractorFactory> featureExtractors,
                             Map<String, InterestModelFactory> interestModels,
                             Map<String, SimilarityModelFactory> similarityModels,
                             Map<String, StrategyOptimizerFactory> optimizers) {
        this.loaders = Map.copyOf(Objects.requireNonNull(loaders, "loaders is null"));
        this.splitters = Map.copyOf(Objects.requireNonNull(splitters, "splitters is null"));
        this.featureExtractors = Map.copyOf(Objects.requireNonNull(featureExtractors, "featureExtractors is null"));
        this.interestModels = Map.copyOf(Objects.requireNonNull(interestModels, "interestModels is null"));
        this.similarityModels = Map.copyOf(Objects.requireNonNull(similarityModels, "similarityModels is null"));
        this.optimizers = Map.copyOf(Objects.requireNonNull(optimizers, "optimizers is null"));
    }

    public DatasetLoaderFactory loader(String name) {
        return resolve(ComponentKind.LOADER, loaders, name);
    }

    public DatasetSplitterFactory splitter(String name) {
        return resolve(ComponentKind.SPLITTER, splitters, name);
    }

    public FeatureExtractorFactory featureExtractor(String name) {
        return resolve(ComponentKind.FEATURE, featureExtractors, name);
    }

    public InterestModelFactory interestModel(String name) {
        return resolve(ComponentKind.INTEREST, interestModels, name);
    }

    public SimilarityModelFactory similarityModel(String name) {
        return resolve(ComponentKind.SIMILARITY, similarityModels, name);
    }

    public StrategyOptimizerFactory optimizer(String name) {
        return resolve(ComponentKind.OPTIMIZER, optimizers, name);
    }

    /** The registered names of one extension point, sorted. */
    public Set<String> names(ComponentKind kind) {
        Map<String, ?> factories = switch (kind) {
            case LOADER -> loaders;
            case SPLITTER -> splitters;
            case FEATURE -> featureExtractors;
            case INTEREST -> interestModels;
            case SIMILARITY -> similarityModels;
            case OPTIMIZER -> optimizers;
        };
        return java.util.Collections.unmodifiableSet(new TreeSet<>(factories.keySet()));
    }

    private static <F> F resolve(ComponentKind kind, Map<String, F> factories, String name) {
        Objects.requireNonNull(name, "name is null");
        F factory = factories.get(name);
        if (factory == null) {
            throw new ConfigException(kind.section(), kind.unknownType(name, factories.keySet()));
        }
        return factory;
    }
}
