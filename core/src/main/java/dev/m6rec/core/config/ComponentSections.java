package dev.m6rec.core.config;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.core.assembly.FactoryCatalog;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Binds component sections ({@code {type: mlp, hidden: [64]}}): the one place where {@code type}
 * is looked up, in the injector's {@link FactoryCatalog} (unknown names list the available ones and suggest the closest);
 * the rest is bound to the chosen factory's settings by {@link ComponentBinding}.
 */
final class ComponentSections {
    private final FactoryCatalog catalog;
    private final List<ConfigProblem> problems;
    private final Path baseDir;

    ComponentSections(FactoryCatalog catalog, List<ConfigProblem> problems, Path baseDir) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.problems = Objects.requireNonNull(problems, "problems is null");
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir is null");
    }

    /** Binds {@code value} at {@code path}; empty (problems recorded) when it cannot be bound. */
    Optional<ConfiguredComponent> bind(ComponentKind kind, String path, Object value) {
        return bind(kind, path, value, UnaryOperator.identity());
    }

    /** As {@link #bind(ComponentKind, String, Object)}, with the factory's schema widened by {@code schema}. */
    @SuppressWarnings("unchecked")
    Optional<ConfiguredComponent> bind(ComponentKind kind, String path, Object value, UnaryOperator<ConfigSchema> schema) {
        if (!(value instanceof Map<?, ?>)) {
            problems.add(new ConfigProblem(path, "expected a mapping with 'type' (was "
                    + (value == null ? "empty" : ValueFormat.show(value)) + ")"));
            return Optional.empty();
        }
        Map<String, Object> section = (Map<String, Object>) value;
        String typePath = ConfigPath.key(path, "type");
        Object type = section.get("type");
        if (!(type instanceof String name)) {
            String what = type == null ? "required" : "expected a name (was " + ValueFormat.show(type) + ")";
            problems.add(new ConfigProblem(typePath, what + "; available " + kind.label() + "s: "
                    + catalog.names(kind)));
            return Optional.empty();
        }
        Optional<RegisteredFactory> registered = catalog.factory(kind, name);
        if (registered.isEmpty()) {
            problems.add(new ConfigProblem(typePath, kind.unknownType(name, catalog.names(kind))));
            return Optional.empty();
        }
        RegisteredFactory factory = registered.get();
        return ComponentBinding.bind(path, (ComponentFactory<Record, ?>) factory.factory(), section,
                        schema.apply(factory.schema()), baseDir, problems,
                        (nestedPath, nestedValue) -> bind(ComponentKind.INTEREST, nestedPath, nestedValue))
                .map(b -> new ConfiguredComponent(kind, path, factory, b.settings(), b.section(), b.effective()));
    }

    /** A default section ({@code {type: synthetic}}) for a kind whose section is absent. */
    Optional<ConfiguredComponent> bindDefault(ComponentKind kind, String path, String defaultType) {
        if (catalog.factory(kind, defaultType).isEmpty()) {
            problems.add(new ConfigProblem(path, "not given, and the default " + kind.label() + " '" + defaultType
                    + "' is not installed; available: " + catalog.names(kind)));
            return Optional.empty();
        }
        return bind(kind, path, Map.of("type", defaultType));
    }
}
