package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code popularity}: every user gets the same scores, the (optionally time-decayed and
 * rating-weighted) number of training interactions of each item.
 *
 * <pre>{@code
 * interest: { type: popularity, decay: 30, weight-by-rating: false }
 * }</pre>
 */
public final class PopularityFactory implements InterestModelFactory<PopularityFactory.Settings> {

    /** The {@code popularity} section. */
    public record Settings(
            @Param(value = "half-life in days of an interaction's weight, counted back from the latest training "
                    + "timestamp (timestamps in seconds); 0 weighs every interaction the same", def = "0", min = 0)
            double decay,
            @Param(value = "weigh each interaction by its rating instead of 1", def = "false") boolean weightByRating) {
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public String description() {
        return "most popular items first, the same for every user; optional recency decay";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public InterestModel create(Settings settings, PluginContext context) {
        return new PopularityModel(context.componentPath(), settings.decay(), settings.weightByRating());
    }
}
