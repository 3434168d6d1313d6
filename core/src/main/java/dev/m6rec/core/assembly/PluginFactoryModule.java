package dev.m6rec.core.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.Objects;

/**
 * Binds every registered factory into a {@code MapBinder<String, RegisteredFactory>} per extension
 * point ({@code @Named} by the {@link ComponentKind}), keyed by its name, the {@link FactoryCatalog}
 * built from them, and the registry itself. Every extension point gets a map binding, empty when
 * no plugin contributes to it; Guice refuses two factories of one kind under one name. No I/O: the
 * registry was discovered beforehand.
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
            MapBinder<String, RegisteredFactory> byName = MapBinder.newMapBinder(binder(), String.class,
                    RegisteredFactory.class, Names.named(kind.name()));
            for (RegisteredFactory registered : registry.factories(kind).values()) {
                byName.addBinding(registered.name()).toInstance(registered);
            }
        }
        bind(FactoryCatalog.class);
    }
}
