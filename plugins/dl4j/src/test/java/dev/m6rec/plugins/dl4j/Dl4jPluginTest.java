package dev.m6rec.plugins.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class Dl4jPluginTest {

    @Test
    void foundThroughServiceLoaderWithItsModels() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof Dl4jPlugin).toList();
        assertThat(plugins).hasSize(1);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.name()).isEqualTo("dl4j");
        assertThat(plugin.interestModels()).extracting(ComponentFactory::name).containsExactly("mlp", "cnn", "stack", "vae", "sasrec",
                "ease-dae");
        assertThat(plugin.featureExtractors()).isEmpty();
        assertThat(plugin.similarityModels()).isEmpty();
        assertThat(plugin.strategyOptimizers()).isEmpty();
    }
}
