package dev.m6rec.core.config;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Binds component sections ({@code {type: mlp, hidden: [64]}}): checks {@code type} against the
 * registry (unknown names list the available ones and suggest the closest), the rest against the
 * chosen factory's schema, then the factory's own cross-parameter checks, whose keys are
 * prefixed with the section's path.
 */
final class ComponentSections {
    private final PluginRegistry registry;
    private final List<ConfigProblem> problems;

    ComponentSections(PluginRegistry registry, List<ConfigProblem> problems) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.problems = Objects.requireNonNull(problems, "problems is null");
    }

    /** A bound section and the factory its type names. */
    record Bound(BoundComponentConfig config, ComponentFactory<?> factory) {
    }

    /** Binds {@code value} at {@code path}; empty (problems recorded) when it cannot be bound. */
    Optional<Bound> bind(ComponentKind kind, String path, Object value) {
        return bind(kind, path, value, UnaryOperator.identity());
    }

    /** As {@link #bind(ComponentKind, String, Object)}, with the factory's schema widened by {@code schema}. */
    @SuppressWarnings("unchecked")
    Optional<Bound> bind(ComponentKind kind, String path, Object value, UnaryOperator<ConfigSchema> schema) {
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
                    + registry.factories(kind).keySet()));
            return Optional.empty();
        }
        Optional<RegisteredFactory> registered = registry.factory(kind, name);
        if (registered.isEmpty()) {
            problems.add(new ConfigProblem(typePath, kind.unknownType(name, registry.factories(kind).keySet())));
            return Optional.empty();
        }
        ComponentFactory<?> factory = registered.get().factory();
        int before = problems.size();
        BoundComponentConfig config = SectionBinder.bind(path, name, section, schema.apply(factory.schema()), problems);
        if (problems.size() == before) {
            crossChecks(path, factory, config);
        }
        return Optional.of(new Bound(config, factory));
    }

    /** A default section ({@code {type: synthetic}}) for a kind whose section is absent. */
    Optional<Bound> bindDefault(ComponentKind kind, String path, String defaultType) {
        if (registry.factory(kind, defaultType).isEmpty()) {
            problems.add(new ConfigProblem(path, "not given, and the default " + kind.label() + " '" + defaultType
                    + "' is not installed; available: " + registry.factories(kind).keySet()));
            return Optional.empty();
        }
        return bind(kind, path, Map.of("type", defaultType));
    }

    private void crossChecks(String path, ComponentFactory<?> factory, BoundComponentConfig config) {
        try {
            List<ConfigProblem> found = factory.validate(config);
            for (ConfigProblem p : found == null ? List.<ConfigProblem>of() : found) {
                // Keys are relative to the component; a plugin that already gave the full path is left as is.
                boolean full = p.path().equals(path) || p.path().startsWith(path + ".") || p.path().startsWith(path + "[");
                problems.add(new ConfigProblem(p.path().isEmpty() ? path : full ? p.path() : ConfigPath.key(path, p.path()),
                        p.message()));
            }
        } catch (ConfigException e) {
            // Thrown through ComponentConfig.invalid(...): already carries full paths.
            problems.addAll(e.problems());
        }
    }
}
