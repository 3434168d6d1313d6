package dev.m6rec.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.core.config.TestFactories;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssemblyTest {
    private final PluginRegistry registry = TestFactories.registry();

    /** Injectable, but never bound: explicit bindings are required. */
    static final class Unbound {
        @Inject
        Unbound() {
        }
    }

    @Test
    void resolvesEveryExtensionPointToTheRegisteredFactory() {
        ComponentResolver resolver = Assembly.create(registry);
        assertThat(resolver.loader("csv")).isSameAs(registry.factory(ComponentKind.LOADER, "csv").orElseThrow().factory());
        assertThat(resolver.splitter("ratio").name()).isEqualTo("ratio");
        assertThat(resolver.featureExtractor("numeric").name()).isEqualTo("numeric");
        assertThat(resolver.interestModel("item-knn").requiresSimilarity()).isTrue();
        assertThat(resolver.similarityModel("cosine").name()).isEqualTo("cosine");
        assertThat(resolver.optimizer("tpe").name()).isEqualTo("tpe");
        assertThat(resolver.names(ComponentKind.INTEREST)).containsExactly("bpr", "ease", "item-knn", "mlp", "popularity");
    }

    @Test
    void anUnknownNameFailsListingTheAvailableNames() {
        ComponentResolver resolver = Assembly.create(registry);
        assertThatThrownBy(() -> resolver.interestModel("mpl"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest: unknown interest model 'mpl'; did you mean 'mlp'? available: [bpr, ease, item-knn, mlp, popularity]");
        assertThatThrownBy(() -> resolver.featureExtractor("text"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features: unknown feature extractor 'text'; available: [categorical, numeric]");
    }

    @Test
    void theInjectorIsProductionStrictAndHoldsOneMapPerExtensionPoint() {
        Injector injector = Assembly.injector(registry);
        assertThat(injector.getInstance(Stage.class)).isEqualTo(Stage.PRODUCTION);
        assertThat(injector.getInstance(ComponentResolver.class)).isSameAs(injector.getInstance(ComponentResolver.class));
        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(registry);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, InterestModelFactory>>() { })))
                .containsOnlyKeys("bpr", "ease", "item-knn", "mlp", "popularity");
        assertThatThrownBy(() -> injector.getInstance(Unbound.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Explicit bindings are required");
    }

    @Test
    void extensionPointsWithoutFactoriesAreEmptyMaps() {
        Injector injector = Assembly.injector(PluginRegistry.of(List.of()));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, StrategyOptimizerFactory>>() { }))).isEmpty();
        assertThatThrownBy(() -> injector.getInstance(ComponentResolver.class).optimizer("tpe"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("optimizer: unknown strategy optimizer 'tpe'; available: []");
    }
}
