package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SimilarityPluginTest {

    @Test
    void isFoundThroughServiceLoaderWithItsMeasures() {
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof SimilarityPlugin).findFirst().orElseThrow();

        assertThat(plugin.name()).isEqualTo("similarity");
        assertThat(plugin.similarityModels()).extracting(ComponentFactory::name)
                .containsExactly("cosine", "adjusted-cosine", "pearson", "jaccard", "euclidean");
        assertThat(plugin.interestModels()).isEmpty();
        assertThat(plugin.featureExtractors()).isEmpty();
    }

    @Test
    void registersEveryMeasureAsASimilarityModel() {
        PluginRegistry registry = PluginRegistry.of(PluginRegistry.classpathPlugins(getClass().getClassLoader()));

        assertThat(registry.factories(ComponentKind.SIMILARITY).keySet())
                .contains("cosine", "adjusted-cosine", "pearson", "jaccard", "euclidean");
        assertThat(registry.factory(ComponentKind.SIMILARITY, "pearson")).isPresent();
    }
}
