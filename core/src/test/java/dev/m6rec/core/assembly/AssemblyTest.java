package dev.m6rec.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.m6rec.core.config.StubFactories;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssemblyTest {
    private final PluginRegistry registry = StubFactories.registry();

    /** Injectable, but never bound: explicit bindings are required. */
    static final class Unbound {
        @Inject
        Unbound() {
        }
    }

    @Test
    void theInjectorIsProductionStrictAndHoldsOneMapPerExtensionPoint() {
        Injector injector = Assembly.injector(registry);
        assertThat(injector.getInstance(Stage.class)).isEqualTo(Stage.PRODUCTION);
        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(registry);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, RegisteredFactory>>() { },
                Names.named("INTEREST")))).containsOnlyKeys("bpr", "ease", "item-knn", "mlp", "popularity");
        assertThatThrownBy(() -> injector.getInstance(Unbound.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Explicit bindings are required");
    }

    @Test
    void theCatalogResolvesEveryExtensionPointToTheRegisteredFactory() {
        FactoryCatalog catalog = Assembly.catalog(registry);
        assertThat(catalog).isSameAs(Assembly.catalog(registry));
        assertThat(catalog.factory(ComponentKind.LOADER, "csv")).isEqualTo(registry.factory(ComponentKind.LOADER, "csv"));
        assertThat(catalog.factory(ComponentKind.INTEREST, "mpl")).isEmpty();
        assertThat(catalog.names(ComponentKind.INTEREST)).containsExactly("bpr", "ease", "item-knn", "mlp", "popularity");
        assertThat(catalog.names(ComponentKind.FEATURE)).containsExactly("categorical", "numeric");
    }

    @Test
    void extensionPointsWithoutFactoriesAreEmpty() {
        FactoryCatalog catalog = Assembly.catalog(PluginRegistry.of(List.of()));
        assertThat(catalog.names(ComponentKind.OPTIMIZER)).isEmpty();
        assertThat(catalog.factory(ComponentKind.OPTIMIZER, "tpe")).isEmpty();
    }
}
