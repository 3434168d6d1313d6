package dev.m6rec.core.config;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import dev.m6rec.api.config.SettingsRecords;
import dev.m6rec.core.assembly.Assembly;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds one component section to its factory, once: every value is checked against the settings
 * record's declarations (through {@code schema}, which core may widen with keys of its own), path
 * parameters are resolved against {@code baseDir}, the record is built and the factory's
 * {@code check} runs with keys prefixed by the section's path.
 */
public final class ComponentBinding {
    private ComponentBinding() {
    }

    /** A section bound to its settings; {@code effective} holds every parameter with defaults filled in. */
    public record Bound<S extends Record>(BoundComponentConfig section, S settings, Map<String, Object> effective) {
    }

    /**
     * Binds {@code section} ({@code type} excluded) at {@code path}; empty, with problems appended,
     * when any value does not fit.
     */
    public static <S extends Record> Optional<Bound<S>> bind(String path, ComponentFactory<S, ?> factory,
                                                             Map<String, Object> section, ConfigSchema schema,
                                                             Path baseDir, List<ConfigProblem> problems,
                                                             NestedSections nested) {
        int before = problems.size();
        BoundComponentConfig config = SectionBinder.bind(path, factory.name(), section, schema, problems, nested);
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, Object> effective = config.effectiveValues();
        for (ParamSpec p : schema.params()) {
            if (p.type() == ParamType.PATH && effective.get(p.key()) instanceof String text) {
                effective.put(p.key(), baseDir.resolve(text).normalize());
            }
        }
        S settings = SettingsRecords.create(factory.settingsType(), effective);
        factory.check(settings, (key, message) -> problems.add(new ConfigProblem(
                key == null || key.isEmpty() ? path : ConfigPath.key(path, key), message)));
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        effective.forEach((k, v) -> shown.put(k, provenance(v)));
        return Optional.of(new Bound<>(config, settings, shown));
    }

    /** A value as the manifest shows it: paths as text, nested sections as their type and settings. */
    private static Object provenance(Object value) {
        if (value instanceof Path p) {
            return p.toString();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ConfiguredComponent) {
            List<Object> sections = new java.util.ArrayList<>();
            for (Object o : list) {
                ConfiguredComponent c = (ConfiguredComponent) o;
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("type", c.type());
                shown.putAll(c.effective());
                sections.add(shown);
            }
            return sections;
        }
        return value;
    }

    /**
     * How nested interest model sections are bound for a section bound alone: against the factories
     * of {@code registry}, as a run would.
     */
    public static NestedSections nestedIn(PluginRegistry registry, Path baseDir, List<ConfigProblem> problems) {
        ComponentSections sections = new ComponentSections(Assembly.catalog(registry), problems, baseDir);
        return (path, value) -> sections.bind(ComponentKind.INTEREST, path, value);
    }

    /** As above with the factory's own schema, for tests and hosts that bind one section alone. */
    public static <S extends Record> Optional<Bound<S>> bind(String path, ComponentFactory<S, ?> factory,
                                                             Map<String, Object> section, Path baseDir,
                                                             List<ConfigProblem> problems) {
        return bind(path, factory, section, factory.schema(), baseDir, problems, NestedSections.NONE);
    }
}
