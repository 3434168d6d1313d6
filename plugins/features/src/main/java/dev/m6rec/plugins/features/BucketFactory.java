package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
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
public final class BucketFactory implements FeatureExtractorFactory<BucketFactory.Settings> {
    static final String NAME = "bucket";

    /** The {@code bucket} section. */
    public record Settings(
            @Param(value = "numeric attributes to bucketise", required = true) List<String> fields,
            @Param(value = "quantile buckets per attribute (fewer when values repeat)", def = "10", min = 2,
                    max = 1000) int buckets) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "numeric attributes bucketised at training quantiles, one-hot";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        NameListRules.check("fields", settings.fields(), "attribute", problems);
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new BucketExtractor(settings, context.componentPath());
    }
}
