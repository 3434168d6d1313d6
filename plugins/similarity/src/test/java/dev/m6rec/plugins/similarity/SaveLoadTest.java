package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaveLoadTest {
    private static final int N = 80;
    private static final RecordingPluginContext context = Fixtures.context(2);
    private static SimilarityInput input;

    @BeforeAll
    static void start() {
        Interactions train = Fixtures.interactions(31, 50, N, 0.2);
        input = Fixtures.input(train, Fixtures.features(32, N, 7), Fixtures.features(33, N, 4));
    }

    private static NeighbourSimilarityModel reloaded(String type, Map<String, Object> section, MemoryArtifacts files) {
        NeighbourSimilarityModel loaded = Fixtures.model(type, section, context);
        loaded.load(files);
        return loaded;
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void reproducesNeighboursAndSimilaritiesExactlyForEverySource(Measure measure) {
        List<Map<String, Object>> sections = List.of(
                Map.of("neighbours", 9, "shrinkage", 3.0, "min-support", 2),
                Map.of("source", "features", "neighbours", 9),
                Map.of("source", "embeddings", "neighbours", 9),
                Map.of("source", "hybrid", "neighbours", 9, "sources", Map.of("interactions", 1, "embeddings", 0.5, "features", 2)));
        for (Map<String, Object> section : sections) {
            NeighbourSimilarityModel model = Fixtures.fitted(measure.label(), section, input, context);
            MemoryArtifacts files = new MemoryArtifacts();
            model.save(files);

            NeighbourAssertions.assertSameModel(model, reloaded(measure.label(), section, files), N, 9);
        }
    }

    @Test
    void writesRawArraysAndADescription() {
        NeighbourSimilarityModel model = Fixtures.fitted("pearson", Map.of("source", "hybrid",
                "sources", Map.of("interactions", 0.7, "features", 0.3)), input, context);
        MemoryArtifacts files = new MemoryArtifacts();
        model.save(files);

        assertThat(files.files.keySet()).containsExactlyInAnyOrder("model.properties",
                "neighbours.i32", "scores.f32", "counts.i32",
                "interactions.offsets.i32", "interactions.users.i32", "interactions.values.f32",
                "interactions.stats.f32", "interactions.shape.i32",
                "features.shape.i32", "features.rows.f32", "features.stats.f32");
        assertThat(files.readText("model.properties")).contains("measure=pearson\n", "source=hybrid\n",
                "weights=interactions:0.7,features:0.3\n", "items=80\n", "kept=50\n");
        assertThat(files.readInts("counts.i32")).hasSize(N);
    }

    @Test
    void refusesStateFittedWithAnotherConfiguration() {
        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("neighbours", 9), input, context);
        MemoryArtifacts files = new MemoryArtifacts();
        model.save(files);

        assertThatThrownBy(() -> reloaded("cosine", Map.of("neighbours", 10), files))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/model.properties: fitted with neighbours=9 but configured with neighbours=10");
        assertThatThrownBy(() -> reloaded("jaccard", Map.of("neighbours", 9), files))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/model.properties: fitted with measure=cosine but configured with measure=jaccard");
    }

    @Test
    void refusesTruncatedOrInconsistentArrays() {
        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("neighbours", 9), input, context);
        MemoryArtifacts files = new MemoryArtifacts();
        model.save(files);
        byte[] counts = files.files.get("counts.i32");
        files.files.put("counts.i32", Arrays.copyOf(counts, counts.length - 3));

        assertThatThrownBy(() -> reloaded("cosine", Map.of("neighbours", 9), files))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/counts.i32: truncated");

        MemoryArtifacts other = new MemoryArtifacts();
        model.save(other);
        MemoryArtifacts small = new MemoryArtifacts();
        small.files.put("model.properties", other.files.get("model.properties"));
        for (String name : other.files.keySet()) {
            if (!name.equals("model.properties") && !name.equals("interactions.users.i32")) {
                small.files.put(name, other.files.get(name));
            }
        }
        small.writeInts("interactions.users.i32", new int[] {3, 1});
        assertThatThrownBy(() -> reloaded("cosine", Map.of("neighbours", 9), small))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interactions.offsets.i32: item rows do not match their shape");
    }
}
