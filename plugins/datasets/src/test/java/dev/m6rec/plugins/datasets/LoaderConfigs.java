package dev.m6rec.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds a {@code data:} section the way core does, for loader tests. */
public final class LoaderConfigs {
    private LoaderConfigs() {
    }

    /** The bound config; the section must be valid (schema and {@code validate}). */
    public static ComponentConfig bind(DatasetLoaderFactory factory, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = SectionBinder.bind("data", factory.name(), section, factory.schema(), problems);
        assertThat(problems).as("schema problems").isEmpty();
        assertThat(factory.validate(config)).as("validate problems").isEmpty();
        return config;
    }

    /** Every problem of the section, schema checks and {@code validate} alike, as "path: message". */
    public static List<String> problems(DatasetLoaderFactory factory, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = SectionBinder.bind("data", factory.name(), section, factory.schema(), problems);
        if (problems.isEmpty()) {
            problems.addAll(factory.validate(config));
        }
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    /** Loads with a context whose paths resolve against {@code base}. */
    public static Dataset load(DatasetLoaderFactory factory, Path base, Map<String, Object> section) {
        return factory.create(bind(factory, section), new RecordingPluginContext(42, "data", 1, base)).load();
    }
}
