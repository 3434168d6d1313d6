package dev.m6rec.core.assembly;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the run's injector: {@link Stage#PRODUCTION}, explicit bindings only, no circular
 * proxies, one module per concern. Call it once per run, after the config has been validated.
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.discover(host, raw.pluginDirs());
 * RunConfig config = RunConfigValidator.validate(raw, registry);
 * ComponentResolver resolver = Assembly.create(registry);
 * }</pre>
 */
public final class Assembly {
    private Assembly() {
    }

    /** The component resolver of a fresh hardened injector over {@code registry}'s factories. */
    public static ComponentResolver create(PluginRegistry registry) {
        return injector(registry).getInstance(ComponentResolver.class);
    }

    /**
     * A fresh hardened injector over {@code registry}'s factories, plus {@code additional}
     * modules for hosts that bind their own services into the same injector.
     */
    public static Injector injector(PluginRegistry registry, Module... additional) {
        Objects.requireNonNull(registry, "registry is null");
        List<Module> modules = new ArrayList<>();
        modules.add(new HardenedInjectorModule());
        modules.add(new PluginFactoryModule(registry));
        modules.add(new ComponentResolverModule());
        modules.addAll(List.of(additional));
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }
}
