package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * {@code multi-hot}: one column per kept tag of a tags (or categorical) attribute, 1 where the
 * entity has the tag; rare and unseen tags share {@code <field>=<other>}.
 *
 * <pre>{@code
 * features.item: [ { type: multi-hot, field: genres, min-count: 2, normalize: true } ]
 * # columns: genres=Action, genres=Comedy, ..., genres=<other>
 * }</pre>
 */
public final class MultiHotFactory implements FeatureExtractorFactory {
    static final String NAME = "multi-hot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multi-hot tags (genres, keywords); rare and unseen tags fold into <other>";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("field", null, "the tags (or categorical) attribute to encode").required()
                .intParam("min-count", 1, "tags on fewer training entities fold into <field>=<other>").atLeast(1)
                .intParam("max-tags", null, "keep at most this many most frequent tags (default: all); "
                        + "the rest fold into <field>=<other>")
                .atLeast(1)
                .booleanParam("normalize", false, "scale each row to unit L2 norm (1/sqrt(number of tags))")
                .build();
    }

    @Override
    public FeatureExtractor create(ComponentConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        return new MultiHotExtractor(config);
    }
}
