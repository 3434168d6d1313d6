package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class ItemKnnFactory implements InterestModelFactory<ItemKnnFactory.Settings> {

    /** The {@code item-knn} section. */
    public record Settings(
            @Param(value = "how many nearest items each history item contributes to", def = "50", min = 1)
            int neighbours,
            @Param(value = "weigh each history item by its rating instead of 1", def = "false") boolean weightByRating,
            @Param(value = "half-life in history positions: the newest item weighs 1, the one this many positions "
                    + "older 0.5; 0 weighs all history items the same", def = "0", min = 0) double recencyHalfLife,
            @Param(value = "divide each item's score by the summed |similarity x recency weight| that reached it "
                    + "(a weighted average of history ratings, Sarwar et al.)", def = "false") boolean normalise) {
    }

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public String description() {
        return "item-based nearest neighbours over the run's similarity model";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public boolean requiresSimilarity() {
        return true;
    }

    @Override
    public InterestModel create(Settings settings, PluginContext context) {
        return new ItemKnnModel(settings, context);
    }
}
