package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * Makes {@link ActivityExtractor}s, for users or items.
 *
 * <pre>{@code
 * features:
 *   item: [ { type: ${pluginName}-activity, column: activity } ]
 * }</pre>
 */
public final class ActivityExtractorFactory implements FeatureExtractorFactory<ActivityExtractorFactory.Settings> {

    public record Settings(
            @Param(value = "the name of the output column", def = "activity") String column) {
    }

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-activity";
    }

    @Override
    public String description() {
        return "one column: log(1 + training interactions) of each user or item";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        return new ActivityExtractor(settings.column(), context.componentPath());
    }
}
