package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import java.nio.file.Path;

/**
 * Makes {@link PairsLoader}s. Each component of {@link Settings} is one YAML key (in kebab-case),
 * checked by M6-Rec against its {@code @Param} before anything runs.
 *
 * <pre>{@code
 * data: { type: ${pluginName}-pairs, path: example-pairs.tsv }
 * }</pre>
 */
public final class PairsLoaderFactory implements DatasetLoaderFactory<PairsLoaderFactory.Settings> {

    /** The {@code data} section; a {@code Path} arrives resolved against the config file's folder. */
    public record Settings(
            @Param(value = "a file of user<TAB>item[<TAB>rating] lines (relative to the config file)", required = true)
            Path path) {
    }

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-pairs";
    }

    @Override
    public String description() {
        return "a tab-separated file of user, item and an optional rating per line";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public DatasetLoader create(Settings settings, PluginContext context) {
        return new PairsLoader(settings.path());
    }
}
