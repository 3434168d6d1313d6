package com.example.tags;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * Makes {@link TagCountExtractor}s. Every parameter is declared here, with its default, bounds
 * and description; M6-Rec checks a YAML section against this schema before anything runs, so
 * {@code create} can trust the values.
 *
 * <pre>{@code
 * features:
 *   item: [ { type: tag-count, field: genres, max-tags: 30, min-count: 2 } ]
 * }</pre>
 */
public final class TagCountExtractorFactory implements FeatureExtractorFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .stringParam("field", null, "the tag attribute to encode, e.g. genres").required()
            .intParam("max-tags", 50, "keep a column for at most this many of the most frequent tags").atLeast(1)
            .intParam("min-count", 1, "ignore tags carried by fewer training entities").atLeast(1)
            .booleanParam("count", true, "add a column <field>#count with the number of tags an entity carries")
            .build();

    @Override
    public String name() {
        return "tag-count";
    }

    @Override
    public String description() {
        return "multi-hot columns for the most frequent tags of a tag attribute, plus the tag count";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public FeatureExtractor create(ComponentConfig config, PluginContext context) {
        return new TagCountExtractor(config);
    }
}
