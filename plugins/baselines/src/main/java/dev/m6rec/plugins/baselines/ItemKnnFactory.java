package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code item-knn}: an item's score is the summed similarity to the items of the user's history,
 * each history item contributing only to its {@code neighbours} nearest items. Needs the run's
 * {@code similarity} section.
 *
 * <pre>{@code
 * interest:   { type: item-knn, neighbours: 50, recency-half-life: 20 }
 * similarity: { type: cosine, source: interactions }
 * }</pre>
 */
public final class ItemKnnFactory implements InterestModelFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("neighbours", 50, "how many nearest items each history item contributes to").atLeast(1)
            .booleanParam("weight-by-rating", false, "weigh each history item by its rating instead of 1")
            .floatParam("recency-half-life", 0.0, "half-life in history positions: the newest item weighs 1, "
                    + "the one this many positions older 0.5; 0 weighs all history items the same").atLeast(0)
            .booleanParam("normalise", false, "divide each item's score by the summed |similarity x recency "
                    + "weight| that reached it (a weighted average of history ratings, Sarwar et al.)")
            .build();

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public String description() {
        return "item-based nearest neighbours over the run's similarity model";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public boolean requiresSimilarity() {
        return true;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        return new ItemKnnModel(config.path(), config.getInt("neighbours"), config.getBoolean("weight-by-rating"),
                config.getDouble("recency-half-life"), config.getBoolean("normalise"),
                new ParallelRanges(context.executor(), context.threads()));
    }
}
