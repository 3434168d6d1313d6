package dev.m6rec.core.split;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.config.StubFactories;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry with core's own splitters (the real {@link CorePlugin}) beside the behaviourless
 * test loaders and interest models, so whole configs validate with real split schemas and full
 * key paths in messages.
 */
public final class CoreSplitterRegistry {
    private CoreSplitterRegistry() {
    }

    /** Core's splitters, the test factories' loaders and interest models, plus {@code loaders}. */
    public static PluginRegistry with(DatasetLoaderFactory<?>... loaders) {
        Plugin stubs = StubFactories.plugin();
        List<DatasetLoaderFactory<?>> allLoaders = new ArrayList<>(stubs.datasetLoaders());
        allLoaders.addAll(List.of(loaders));
        Plugin rest = new Plugin() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public List<DatasetLoaderFactory<?>> datasetLoaders() {
                return allLoaders;
            }

            @Override
            public List<InterestModelFactory<?>> interestModels() {
                return stubs.interestModels();
            }
        };
        return PluginRegistry.of(List.of(new PluginInfo(new CorePlugin(), "core", "1", "classpath"),
                new PluginInfo(rest, "test", "1", "classpath")));
    }
}
