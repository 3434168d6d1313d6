package dev.m6rec.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CorePluginTest {
    @Test
    void serviceLoaderFindsCoresSplitters() {
        List<Plugin> core = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof CorePlugin).toList();
        assertThat(core).hasSize(1);
        assertThat(core.get(0).datasetSplitters()).extracting(DatasetSplitterFactory::name)
                .containsExactly("ratio", "leave-one-out", "temporal", "presplit", "cold-users", "k-fold");
    }
}
