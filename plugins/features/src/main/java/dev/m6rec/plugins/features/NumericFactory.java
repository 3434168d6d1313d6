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
 * {@code numeric}: one scaled column per numeric attribute; missing values take the training mean.
 *
 * <pre>{@code
 * features.user: [ { type: numeric, fields: [age], scaling: standard, missing-indicator: true } ]
 * # columns: age, age=<missing>
 * }</pre>
 */
public final class NumericFactory implements FeatureExtractorFactory {
    static final String NAME = "numeric";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "scaled numeric attributes, missing values imputed with the training mean";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringListParam("fields", null, "numeric attributes to encode, one column each").required()
                .stringParam("scaling", "standard", "standard: (x-mean)/std; min-max: (x-min)/(max-min); "
                        + "none: raw value; log: sign(x)*log1p(|x|), then standard")
                .oneOf("standard", "min-max", "none", "log")
                .booleanParam("missing-indicator", false,
                        "add a column <field>=<missing> that is 1 where the value is missing")
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
        return new NumericExtractor(config);
    }
}
