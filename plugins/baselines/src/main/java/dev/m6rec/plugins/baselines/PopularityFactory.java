package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
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
public final class PopularityFactory implements InterestModelFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .floatParam("decay", 0.0, "half-life in days of an interaction's weight, counted back from the latest "
                    + "training timestamp (timestamps in seconds); 0 weighs every interaction the same").atLeast(0)
            .booleanParam("weight-by-rating", false, "weigh each interaction by its rating instead of 1")
            .build();

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public String description() {
        return "most popular items first, the same for every user; optional recency decay";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        return new PopularityModel(config.path(), config.getDouble("decay"), config.getBoolean("weight-by-rating"));
    }
}
