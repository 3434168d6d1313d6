package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * Makes {@link PopularityModel}s.
 *
 * <pre>{@code
 * interest: { type: ${pluginName}-popularity, use-ratings: true }
 * }</pre>
 */
public final class PopularityModelFactory implements InterestModelFactory<PopularityModelFactory.Settings> {

    public record Settings(
            @Param(value = "sum the ratings instead of counting interactions", def = "false") boolean useRatings) {
    }

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-popularity";
    }

    @Override
    public String description() {
        return "scores every item by its training interactions (or their summed ratings), the same for every user";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public InterestModel create(Settings settings, PluginContext context) {
        return new PopularityModel(settings.useRatings(), context.componentPath());
    }
}
