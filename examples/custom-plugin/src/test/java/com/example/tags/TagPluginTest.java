package com.example.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.Plugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TagPluginTest {

    @Test
    void isFoundThroughServiceLoaderWithItsNames() {
        // core (on the test class path for its test kit) contributes its own plugin too.
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getPackageName().equals("com.example.tags")).toList();
        assertThat(plugins).hasSize(1).first().isInstanceOf(TagPlugin.class);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.name()).isEqualTo("example");
        assertThat(plugin.featureExtractors()).extracting(ComponentFactory::name).containsExactly("tag-count");
        assertThat(plugin.similarityModels()).extracting(ComponentFactory::name).containsExactly("tag-overlap");
        assertThat(plugin.interestModels()).isEmpty();
        assertThat(plugin.featureExtractors().get(0).description()).isNotBlank();
        assertThat(plugin.similarityModels().get(0).description()).isNotBlank();
    }
}
