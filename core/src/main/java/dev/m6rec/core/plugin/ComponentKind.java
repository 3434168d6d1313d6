package dev.m6rec.core.plugin;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import dev.m6rec.core.config.DidYouMean;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** The extension points, with the YAML section that selects each and how messages name it. */
public enum ComponentKind {
    LOADER("data", "dataset loader", Plugin::datasetLoaders),
    SPLITTER("split", "splitter", Plugin::datasetSplitters),
    FEATURE("features", "feature extractor", Plugin::featureExtractors),
    INTEREST("interest", "interest model", Plugin::interestModels),
    SIMILARITY("similarity", "similarity model", Plugin::similarityModels),
    OPTIMIZER("optimizer", "strategy optimizer", Plugin::strategyOptimizers);

    private final String section;
    private final String label;
    private final Function<Plugin, List<? extends ComponentFactory<?, ?>>> contributions;

    ComponentKind(String section, String label,
                  Function<Plugin, List<? extends ComponentFactory<?, ?>>> contributions) {
        this.section = section;
        this.label = label;
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

    /** The factories a plugin contributes to this extension point. */
    public List<? extends ComponentFactory<?, ?>> factoriesOf(Plugin plugin) {
        List<? extends ComponentFactory<?, ?>> factories = contributions.apply(plugin);
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
