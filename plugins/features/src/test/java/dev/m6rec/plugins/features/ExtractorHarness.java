package dev.m6rec.plugins.features;

import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.config.SectionBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Binds, validates and creates extractors the way core does, for tests. */
final class ExtractorHarness {
    private ExtractorHarness() {
    }

    /** Every problem of a section, schema checks and then the factory's own, as "path: message". */
    static List<String> problems(FeatureExtractorFactory factory, String path, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = SectionBinder.bind(path, factory.name(), section, factory.schema(), problems);
        if (problems.isEmpty()) {
            for (ConfigProblem p : factory.validate(config)) {
                problems.add(new ConfigProblem(path + "." + p.path(), p.message()));
            }
        }
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    static ComponentConfig bind(FeatureExtractorFactory factory, String path, Map<String, Object> section) {
        assertThat(problems(factory, path, section)).as("problems of %s", section).isEmpty();
        return SectionBinder.bind(path, factory.name(), section, factory.schema(), new ArrayList<>());
    }

    static FeatureExtractor create(FeatureExtractorFactory factory, String path, Map<String, Object> section) {
        return factory.create(bind(factory, path, section), new RecordingPluginContext(42, path));
    }

    /** Saves {@code fitted}, then loads it into a fresh extractor made from the same section. */
    static FeatureExtractor reload(FeatureExtractor fitted, FeatureExtractorFactory factory, String path,
                                   Map<String, Object> section) {
        MemoryArtifacts artifacts = new MemoryArtifacts();
        fitted.save(artifacts);
        FeatureExtractor loaded = create(factory, path, section);
        loaded.load(artifacts);
        return loaded;
    }

    /** An input for the side {@code kind} without interactions. */
    static FeatureInput input(EntityKind kind, AttributeColumn... columns) {
        int rows = columns[0].size();
        IdIndex ids = IdIndex.range(kind == EntityKind.USER ? "u" : "i", rows);
        Interactions none = kind == EntityKind.USER
                ? new Interactions(rows, 1, new int[0], new int[0], null, null)
                : new Interactions(1, rows, new int[0], new int[0], null, null);
        return new FeatureInput(kind, ids, new AttributeTable(rows, List.of(columns)), none);
    }

    /** The vector of a new entity. */
    static float[] encodeNew(FeatureExtractor extractor, Attributes attributes) {
        float[] v = new float[extractor.columns().size()];
        extractor.encode(attributes, v, 0);
        return v;
    }

    /** The vector of known entity {@code index}, through {@code encode(int, ...)} at an offset. */
    static float[] encodeKnown(FeatureExtractor extractor, int index) {
        int width = extractor.columns().size();
        float[] buffer = new float[width + 3];
        Arrays.fill(buffer, 7f);   // stale values must be overwritten
        extractor.encode(index, buffer, 2);
        assertThat(buffer[0]).isEqualTo(7f);
        assertThat(buffer[width + 2]).isEqualTo(7f);
        return Arrays.copyOfRange(buffer, 2, 2 + width);
    }
}
