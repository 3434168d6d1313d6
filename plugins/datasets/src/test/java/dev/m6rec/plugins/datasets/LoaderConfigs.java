package dev.m6rec.plugins.datasets;

import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.Map;

/** Loads a {@code data:} section the way a run does, for the file loaders' tests. */
public final class LoaderConfigs {
    private LoaderConfigs() {
    }

    /** Binds the (valid) section with paths resolved against {@code base}, creates the loader and loads. */
    public static <S extends Record> Dataset load(DatasetLoaderFactory<S> factory, Path base,
                                                  Map<String, Object> section) {
        S settings = Sections.bind(factory, "data", section, base);
        return factory.create(settings, new RecordingPluginContext(42, "data", 1, base)).load();
    }
}
