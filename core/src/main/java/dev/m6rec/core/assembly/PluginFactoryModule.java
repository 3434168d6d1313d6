package dev.m6rec.core.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.m6rec.api.ComponentFactory;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.Objects;

/**
 * Binds every registered factory into a {@code MapBinder<String, XxxFactory>} per extension
 * point, keyed by its name, and the registry itself. Every extension point gets a map binding,
 * empty when no plugin contributes to it. No I/O: the registry was discovered beforehand.
 */
final class PluginFactoryModule extends AbstractModule {
    private final PluginRegistry registry;

    PluginFactoryModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        for (ComponentKind kind : ComponentKind.values()) {
            bindFactories(kind, kind.factoryType());
        }
    }

    private <F extends ComponentFactory<?>> void bindFactories(ComponentKind kind, Class<F> factoryType) {
        MapBinder<String, F> byName = MapBinder.newMapBinder(binder(), String.class, factoryType);
        for (RegisteredFactory registered : registry.factories(kind).values()) {
            byName.addBinding(registered.name()).toInstance(factoryType.cast(registered.factory()));
        }
    }
}
