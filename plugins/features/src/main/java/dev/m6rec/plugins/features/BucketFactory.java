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
 * {@code bucket}: numeric attributes cut into quantile buckets learned on the training entities,
 * one-hot, so a model sees non-linear effects (age bands, price tiers); missing values set no column.
 *
 * <pre>{@code
 * features.user: [ { type: bucket, fields: [age], buckets: 4 } ]
 * # columns: age<25, age[25,31), age[31,45), age>=45
 * }</pre>
 */
public final class BucketFactory implements FeatureExtractorFactory {
    static final String NAME = "bucket";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "numeric attributes bucketised at training quantiles, one-hot";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringListParam("fields", null, "numeric attributes to bucketise").required()
                .intParam("buckets", 10, "quantile buckets per attribute (fewer when values repeat)").atLeast(2)
                .atMost(1000)
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        return NameListRules.check("fields", config.getStringList("fields"), "attribute");
    }

    @Override
    public FeatureExtractor create(ComponentConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        return new BucketExtractor(config);
    }
}
