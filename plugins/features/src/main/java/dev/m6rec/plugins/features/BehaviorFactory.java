package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;

/**
 * {@code behavior}: aggregates of the training interactions of each user (or item); new entities
 * encode zeros.
 *
 * <pre>{@code
 * features.user: [ { type: behavior, aggregates: [log-count, recency], recency-half-life: 14 } ]
 * # columns: behavior:log-count, behavior:recency
 * }</pre>
 */
public final class BehaviorFactory implements FeatureExtractorFactory {
    static final String NAME = "behavior";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "interaction count, rating mean and spread, recency, category profile from the training interactions";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringListParam("aggregates", BehaviorAggregate.labels(), "columns to compute, in this order: "
                        + "log-count: ln(1 + interactions); rating-mean: mean rating minus the global mean; "
                        + "rating-std: standard deviation of the ratings; recency: 2^(-days since the last "
                        + "interaction / recency-half-life), days counted back from the last training timestamp")
                .oneOf(BehaviorAggregate.labels().toArray(new String[0]))
                .floatParam("recency-half-life", 30.0, "days after which the recency column has halved")
                .greaterThan(0)
                .stringParam("profile-field", null, "users only: also the share of the user's training interactions "
                        + "per value of this item attribute (categorical or tags, e.g. genres)")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        return NameListRules.check("aggregates", config.getStringList("aggregates"), "aggregate");
    }

    @Override
    public FeatureExtractor create(ComponentConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        return new BehaviorExtractor(config);
    }
}
