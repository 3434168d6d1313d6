package dev.m6rec.core.plugin;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.config.DidYouMean;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** The extension points, with the YAML section that selects each and how messages name it. */
public enum ComponentKind {
    LOADER("data", "dataset loader", DatasetLoaderFactory.class, Plugin::datasetLoaders),
    SPLITTER("split", "splitter", DatasetSplitterFactory.class, Plugin::datasetSplitters),
    FEATURE("features", "feature extractor", FeatureExtractorFactory.class, Plugin::featureExtractors),
    INTEREST("interest", "interest model", InterestModelFactory.class, Plugin::interestModels),
    SIMILARITY("similarity", "similarity model", SimilarityModelFactory.class, Plugin::similarityModels),
    OPTIMIZER("optimizer", "strategy optimizer", StrategyOptimizerFactory.class, Plugin::strategyOptimizers);

    private final String section;
    private final String label;
    private final Class<? extends ComponentFactory<?>> factoryType;
    private final Function<Plugin, List<? extends ComponentFactory<?>>> contributions;

    ComponentKind(String section, String label, Class<? extends ComponentFactory<?>> factoryType,
                  Function<Plugin, List<? extends ComponentFactory<?>>> contributions) {
        this.section = section;
        this.label = label;
        this.factoryType = factoryType;
        this.contributions = contributions;
    }

    /** The top-level YAML key, e.g. {@code interest}. */
    public String section() {
        return section;
    }

    /** How messages name this kind, e.g. {@code interest model}. */
    public String label() {
        return label;
    }

    /** The factory interface of this extension point, e.g. {@code InterestModelFactory}. */
    public Class<? extends ComponentFactory<?>> factoryType() {
        return factoryType;
    }

    /** The factories a plugin contributes to this extension point. */
    public List<? extends ComponentFactory<?>> factoriesOf(Plugin plugin) {
        List<? extends ComponentFactory<?>> factories = contributions.apply(plugin);
        return factories == null ? List.of() : factories;
    }

    /**
     * The message for a {@code type} naming no registered factory, e.g.
     * {@code unknown interest model 'mpl'; did you mean 'mlp'? available: [bpr, mlp, popularity]}.
     */
    public String unknownType(String name, Collection<String> available) {
        TreeSet<String> sorted = new TreeSet<>(available);
        String hint = DidYouMean.closest(name, sorted).map(s -> "; did you mean '" + s + "'?").orElse(";");
        return "unknown " + label + " '" + name + "'" + hint + " available: " + sorted;
    }
}
