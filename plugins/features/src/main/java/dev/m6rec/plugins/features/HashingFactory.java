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
 * {@code hashing}: the signed hashing trick over categorical and tag tokens into a fixed number of
 * buckets; needs no vocabulary, so every category, seen or not, lands somewhere.
 *
 * <pre>{@code
 * features.user: [ { type: hashing, fields: [occupation, zip], buckets: 256 } ]
 * # columns: occupation+zip#0 ... occupation+zip#255
 * }</pre>
 */
public final class HashingFactory implements FeatureExtractorFactory {
    static final String NAME = "hashing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "signed hashing trick (murmur3) over categorical and tag tokens";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringListParam("fields", null, "categorical or tags attributes whose tokens are hashed").required()
                .intParam("buckets", 1024, "number of hash buckets, the output dimension").atLeast(1).atMost(1 << 20)
                .booleanParam("signed", true, "add -1 instead of +1 for tokens whose hash is negative, "
                        + "so collisions tend to cancel")
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
        return new HashingExtractor(config);
    }
}
