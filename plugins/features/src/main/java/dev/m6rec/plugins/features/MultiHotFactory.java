package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class MultiHotFactory implements FeatureExtractorFactory<MultiHotFactory.Settings> {
    static final String NAME = "multi-hot";

    /** The {@code multi-hot} section; {@code maxTags} is null when every tag is kept. */
    public record Settings(
            @Param(value = "the tags (or categorical) attribute to encode", required = true) String field,
            @Param(value = "tags on fewer training entities fold into <field>=<other>", def = "1", min = 1)
            int minCount,
            @Param(value = "keep at most this many most frequent tags (default: all); "
                    + "the rest fold into <field>=<other>", min = 1) Integer maxTags,
            @Param(value = "scale each row to unit L2 norm (1/sqrt(number of tags))", def = "false")
            boolean normalize) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multi-hot tags (genres, keywords); rare and unseen tags fold into <other>";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new MultiHotExtractor(settings, context.componentPath());
    }
}
