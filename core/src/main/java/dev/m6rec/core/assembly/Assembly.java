package dev.m6rec.core.assembly;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Builds the hardened injector over the discovered plugins: {@link Stage#PRODUCTION}, explicit
 * bindings only, no circular proxies, one module per concern. It collects every factory into the
 * {@link FactoryCatalog} that config validation resolves {@code type} names against; hosts may
 * add modules of their own to the same injector.
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.discover(host, raw.pluginDirs());
 * RunConfig config = RunConfigValidator.validate(raw, registry);   // resolves through Assembly.catalog(registry)
 * }</pre>
 */
public final class Assembly {
    /** One catalog per registry: registries are immutable, and a study validates a config per trial. */
    private static final Map<PluginRegistry, FactoryCatalog> CATALOGS = Collections.synchronizedMap(new WeakHashMap<>());

    private Assembly() {
    }

    /** The factory catalog of {@code registry}, assembled by a hardened injector (once per registry). */
    public static FactoryCatalog catalog(PluginRegistry registry) {
        return CATALOGS.computeIfAbsent(registry, r -> injector(r).getInstance(FactoryCatalog.class));
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
        modules.addAll(List.of(additional));
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }
}
