package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
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
public final class HashingFactory implements FeatureExtractorFactory<HashingFactory.Settings> {
    static final String NAME = "hashing";

    /** The {@code hashing} section. */
    public record Settings(
            @Param(value = "categorical or tags attributes whose tokens are hashed", required = true)
            List<String> fields,
            @Param(value = "number of hash buckets, the output dimension", def = "1024", min = 1, max = 1 << 20)
            int buckets,
            @Param(value = "add -1 instead of +1 for tokens whose hash is negative, so collisions tend to cancel",
                    def = "true") boolean signed) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "signed hashing trick (murmur3) over categorical and tag tokens";
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
        return new HashingExtractor(settings, context.componentPath());
    }
}
