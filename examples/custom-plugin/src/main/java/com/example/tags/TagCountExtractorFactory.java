package com.example.tags;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * Makes {@link TagCountExtractor}s. Every parameter is a component of {@link Settings}, with its
 * default, bounds and description; M6-Rec checks a YAML section against them before anything
 * runs, so {@code create} receives valid settings.
 *
 * <pre>{@code
 * features:
 *   item: [ { type: tag-count, field: genres, max-tags: 30, min-count: 2 } ]
 * }</pre>
 */
public final class TagCountExtractorFactory implements FeatureExtractorFactory<TagCountExtractorFactory.Settings> {

    public record Settings(
            @Param(value = "the tag attribute to encode, e.g. genres", required = true) String field,
            @Param(value = "keep a column for at most this many of the most frequent tags", def = "50", min = 1)
            int maxTags,
            @Param(value = "ignore tags carried by fewer training entities", def = "1", min = 1) int minCount,
            @Param(value = "add a column <field>#count with the number of tags an entity carries", def = "true")
            boolean count) {
    }

    @Override
    public String name() {
        return "tag-count";
    }

    @Override
    public String description() {
        return "multi-hot columns for the most frequent tags of a tag attribute, plus the tag count";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        return new TagCountExtractor(settings, context.componentPath());
    }
}
