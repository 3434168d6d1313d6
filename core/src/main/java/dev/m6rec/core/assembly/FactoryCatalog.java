package dev.m6rec.core.assembly;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The factories the injector collected, per extension point and name: the one place where a
 * configured {@code type} becomes a factory. Config validation resolves every section against it,
 * once, and the validated config carries the result.
 *
 * <pre>{@code
 * FactoryCatalog catalog = Assembly.catalog(registry);
 * Optional<RegisteredFactory> mlp = catalog.factory(ComponentKind.INTEREST, "mlp");
 * }</pre>
 */
public final class FactoryCatalog {
    private final Map<ComponentKind, Map<String, RegisteredFactory>> byKind = new EnumMap<>(ComponentKind.class);

    @Inject
    FactoryCatalog(@Named("LOADER") Map<String, RegisteredFactory> loaders,
                   @Named("SPLITTER") Map<String, RegisteredFactory> splitters,
                   @Named("FEATURE") Map<String, RegisteredFactory> features,
                   @Named("INTEREST") Map<String, RegisteredFactory> interestModels,
                   @Named("SIMILARITY") Map<String, RegisteredFactory> similarityModels,
                   @Named("OPTIMIZER") Map<String, RegisteredFactory> optimizers) {
        byKind.put(ComponentKind.LOADER, Map.copyOf(loaders));
        byKind.put(ComponentKind.SPLITTER, Map.copyOf(splitters));
        byKind.put(ComponentKind.FEATURE, Map.copyOf(features));
        byKind.put(ComponentKind.INTEREST, Map.copyOf(interestModels));
        byKind.put(ComponentKind.SIMILARITY, Map.copyOf(similarityModels));
        byKind.put(ComponentKind.OPTIMIZER, Map.copyOf(optimizers));
    }

    /** The factory registered under {@code name} for {@code kind}. */
    public Optional<RegisteredFactory> factory(ComponentKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The names registered for {@code kind}, sorted (for "available: [...]" messages). */
    public SortedSet<String> names(ComponentKind kind) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byKind.get(kind).keySet()));
    }
}
