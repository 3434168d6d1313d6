package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Creates, encodes and reloads extractors the way core does, for tests. */
final class ExtractorHarness {
    private ExtractorHarness() {
    }

    /** A new extractor from a valid section at {@code path}, bound through core's validation. */
    static <S extends Record> FeatureExtractor create(FeatureExtractorFactory<S> factory, String path,
                                                      Map<String, Object> section) {
        return Sections.create(factory, path, section, new RecordingPluginContext(42, path));
    }

    /**
     * Saves {@code fitted}, checks that the folder holds parameters only (core stores the known
     * rows), then loads it into a fresh extractor made from {@code section}.
     */
    static <S extends Record> FeatureExtractor reload(FeatureExtractor fitted, FeatureExtractorFactory<S> factory,
                                                      String path, Map<String, Object> section) {
        MemoryArtifacts artifacts = new MemoryArtifacts();
        fitted.save(artifacts);
        assertThat(artifacts.files.keySet()).as("saved files").contains("extractor.txt", "columns.txt")
                .noneMatch(name -> name.startsWith("known"));
        FeatureExtractor loaded = create(factory, path, section);
        loaded.load(artifacts);
        assertThatThrownBy(loaded::encodeAll).isInstanceOf(IllegalStateException.class)
                .hasMessage("encodeAll is available after fit only");
        return loaded;
    }

    /** That {@code loaded} encodes every entity of {@code attributes} as {@code fitted} does, bit for bit. */
    static void assertEncodesAlike(FeatureExtractor loaded, FeatureExtractor fitted, AttributeTable attributes) {
        assertThat(loaded.columns()).isEqualTo(fitted.columns());
        for (int r = 0; r < attributes.rows(); r++) {
            assertThat(encodeNew(loaded, attributes.row(r))).as("entity %d", r)
                    .containsExactly(encodeNew(fitted, attributes.row(r)));
        }
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

    /** The vector of an entity known by its attributes, through {@code encode(Attributes, ...)} at an offset. */
    static float[] encodeNew(FeatureExtractor extractor, Attributes attributes) {
        int width = extractor.columns().size();
        float[] buffer = new float[width + 3];
        Arrays.fill(buffer, 7f);   // stale values must be overwritten, and nothing outside the span touched
        extractor.encode(attributes, buffer, 2);
        assertThat(buffer[0]).isEqualTo(7f);
        assertThat(buffer[1]).isEqualTo(7f);
        assertThat(buffer[width + 2]).isEqualTo(7f);
        return Arrays.copyOfRange(buffer, 2, 2 + width);
    }

    /** The vector of known entity {@code index}, as fit encoded it. */
    static float[] encodeKnown(FeatureExtractor extractor, int index) {
        return extractor.encodeAll().row(index);
    }
}
