package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExamplePluginTest {

    @Test
    void isFoundThroughServiceLoaderWithOneComponentOfEachKind() {
        List<Plugin> found = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof ExamplePlugin).toList();
        assertThat(found).hasSize(1);
        Plugin plugin = found.get(0);
        assertThat(plugin.name()).isEqualTo("${pluginName}");
        assertThat(Stream.of(plugin.datasetLoaders(), plugin.datasetSplitters(), plugin.featureExtractors(),
                        plugin.interestModels(), plugin.similarityModels(), plugin.strategyOptimizers())
                .flatMap(List::stream).map(ComponentFactory::name))
                .containsExactly("${pluginName}-pairs", "${pluginName}-holdout", "${pluginName}-activity",
                        "${pluginName}-popularity", "${pluginName}-co-users", "${pluginName}-random");
    }
}
