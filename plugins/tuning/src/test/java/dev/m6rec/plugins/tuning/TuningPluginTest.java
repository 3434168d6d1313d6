package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TuningPluginTest {

    @Test
    void serviceLoaderFindsThePluginAndItsOptimizers() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof TuningPlugin).toList();

        assertThat(plugins).hasSize(1);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.name()).isEqualTo("tuning");
        assertThat(plugin.strategyOptimizers()).extracting(StrategyOptimizerFactory::name)
                .containsExactly("random", "grid", "bayesian", "tpe", "genetic");
        assertThat(plugin.strategyOptimizers()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
        assertThat(plugin.interestModels()).isEmpty();
    }
}
