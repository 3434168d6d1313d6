package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;

/**
 * Makes {@link CoUsersSimilarity} models.
 *
 * <pre>{@code
 * similarity: { type: ${pluginName}-co-users, min-shared: 2 }
 * }</pre>
 */
public final class CoUsersSimilarityFactory implements SimilarityModelFactory<CoUsersSimilarityFactory.Settings> {

    public record Settings(
            @Param(value = "pairs of items sharing fewer users than this have similarity 0", def = "1", min = 1)
            int minShared) {
    }

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-co-users";
    }

    @Override
    public String description() {
        return "Jaccard similarity of the sets of users of two items";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public SimilarityModel create(Settings settings, PluginContext context) {
        return new CoUsersSimilarity(settings.minShared(), context.componentPath());
    }
}
