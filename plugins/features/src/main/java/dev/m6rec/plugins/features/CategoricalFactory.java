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
 * {@code categorical}: one-hot columns per categorical attribute, rare and unseen categories
 * folded into {@code <field>=<other>}, missing values all zero.
 *
 * <pre>{@code
 * features.user: [ { type: categorical, fields: [gender, occupation], min-count: 5 } ]
 * # columns: gender=F, gender=M, gender=<other>, occupation=admin, ..., occupation=<other>
 * }</pre>
 */
public final class CategoricalFactory implements FeatureExtractorFactory {
    static final String NAME = "categorical";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one-hot categorical attributes; rare and unseen categories fold into <other>";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringListParam("fields", null, "categorical attributes to encode one-hot").required()
                .intParam("min-count", 1, "categories seen fewer times in training fold into <field>=<other>")
                .atLeast(1)
                .intParam("max-categories", null, "keep at most this many most frequent categories per field "
                        + "(default: all); the rest fold into <field>=<other>")
                .atLeast(1)
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
        return new CategoricalExtractor(config);
    }
}
