package dev.m6rec.plugins.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BaselinesPluginTest {

    @Test
    void foundThroughServiceLoaderWithItsModels() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("baselines")).toList();

        assertThat(plugins).singleElement().isInstanceOf(BaselinesPlugin.class);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.interestModels()).extracting(InterestModelFactory::name)
                .containsExactly("popularity", "item-knn", "bpr", "ease");
        assertThat(plugin.similarityModels()).isEmpty();
        assertThat(plugin.featureExtractors()).isEmpty();
        assertThat(plugin.strategyOptimizers()).isEmpty();
    }

    @Test
    void onlyItemKnnNeedsTheSimilaritySection() {
        assertThat(new BaselinesPlugin().interestModels())
                .filteredOn(InterestModelFactory::requiresSimilarity)
                .extracting(InterestModelFactory::name)
                .containsExactly("item-knn");
    }

    @Test
    void everyParameterIsDescribed() {
        for (InterestModelFactory<?> factory : new BaselinesPlugin().interestModels()) {
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            assertThat(factory.schema().params()).as(factory.name())
                    .allSatisfy(p -> assertThat(p.description()).isNotBlank());
        }
    }
}
