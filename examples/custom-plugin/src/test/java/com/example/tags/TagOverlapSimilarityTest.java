package com.example.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagOverlapSimilarityTest {
    private final TagOverlapSimilarityFactory factory = new TagOverlapSimilarityFactory();

    /** genres=Drama, genres=Comedy, genres=Horror, genres=Romance, genres#count, as tag-count encodes them. */
    private static FeatureMatrix genreFeatures() {
        FeatureExtractor extractor = Sections.create(new TagCountExtractorFactory(), "features.item[0]",
                Map.of("field", "genres"), new RecordingPluginContext(1, "features.item[0]"));
        extractor.fit(Fixtures.items());
        return extractor.encodeAll();
    }

    private SimilarityModel created(Map<String, Object> section) {
        return Sections.create(factory, "similarity", section, new RecordingPluginContext(1, "similarity"));
    }

    private SimilarityModel fitted(Map<String, Object> section, FeatureMatrix features) {
        SimilarityModel model = created(section);
        Interactions none = new Interactions(1, features.rows(), new int[0], new int[0], null, null);
        model.fit(new SimilarityInput(none, features, Optional.empty()));
        return model;
    }

    @Test
    void defaults() {
        assertThat(Sections.bind(factory, "similarity", Map.of()))
                .isEqualTo(new TagOverlapSimilarityFactory.Settings("", 0f, 1));
    }

    @Test
    void isTheJaccardIndexOfSharedTags() {
        SimilarityModel model = fitted(Map.of("column-prefix", "genres="), genreFeatures());
        assertThat(model.similarity(0, 1)).isEqualTo(0.5f);          // {Drama, Comedy} vs {Drama}
        assertThat(model.similarity(1, 0)).isEqualTo(0.5f);
        assertThat(model.similarity(0, 2)).isCloseTo(1 / 3f, within(1e-7f));
        assertThat(model.similarity(0, 0)).isEqualTo(1f);
        assertThat(model.similarity(3, 3)).isEqualTo(0f);            // no tags: 0, never NaN
        assertThat(model.similarity(1, 2)).isEqualTo(0f);
    }

    @Test
    void neighboursAreTheItemsSharingMostTagsBestFirst() {
        SimilarityModel model = fitted(Map.of("column-prefix", "genres="), genreFeatures());
        ScoredItems near = model.neighbours(0, 10);
        // 2 and 4 tie at 1/3: the lower index first; item 3 shares nothing and is not a neighbour.
        assertThat(near.items()).containsExactly(1, 2, 4);
        assertThat(model.neighbours(0, 1).items()).containsExactly(1);
        assertThat(model.neighbours(3, 10).size()).isZero();
    }

    @Test
    void minOverlapAndThresholdNarrowWhatCounts() {
        assertThat(fitted(Map.of("column-prefix", "genres=", "min-overlap", 2), genreFeatures()).similarity(0, 1)).isZero();
        // Without a prefix the count column is a set member too: it is > 1.5 for items 0, 2 and 4 only.
        SimilarityModel all = fitted(Map.of("threshold", 1.5), genreFeatures());
        assertThat(all.similarity(0, 2)).isEqualTo(1f);
        assertThat(all.similarity(0, 1)).isZero();
    }

    @Test
    void aPrefixMatchingNoColumnIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> fitted(Map.of("column-prefix", "tags="), genreFeatures()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("similarity.column-prefix: no item feature column starts with 'tags='; columns: "
                        + "[genres=Drama, genres=Comedy, genres=Horror, genres=Romance, genres#count]");
        assertThat(Sections.problems(factory, "similarity", Fixtures.section("min-overlap", 0, "prefix", "x")))
                .containsExactly("similarity.min-overlap: must be >= 1 (was 0)",
                        "similarity.prefix: unknown key; valid keys are [column-prefix, min-overlap, threshold, type]");
    }

    @Test
    void matchesANaiveJaccardAcrossSeveralWordsAndSurvivesSaveAndLoad() {
        int items = 40;
        int columns = 150;   // three 64-bit words per item
        Random random = new Random(7);
        float[] data = new float[items * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() < 0.1f ? 1f : 0f;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("tag=" + c);
        }
        FeatureMatrix features = new FeatureMatrix(items, names, data);
        SimilarityModel model = fitted(Map.of(), features);
        MemoryArtifacts artifact = new MemoryArtifacts();
        model.save(artifact);
        SimilarityModel loaded = created(Map.of());
        loaded.load(artifact);

        for (int a = 0; a < items; a++) {
            for (int b = 0; b < items; b++) {
                int shared = 0;
                int union = 0;
                for (int c = 0; c < columns; c++) {
                    boolean x = features.get(a, c) > 0;
                    boolean y = features.get(b, c) > 0;
                    shared += x && y ? 1 : 0;
                    union += x || y ? 1 : 0;
                }
                float expected = union == 0 || shared == 0 ? 0f : (float) shared / union;
                assertThat(model.similarity(a, b)).as("%d,%d", a, b).isEqualTo(expected);
                assertThat(loaded.similarity(a, b)).isEqualTo(model.similarity(a, b));
            }
            assertThat(loaded.neighbours(a, 5).items()).isEqualTo(model.neighbours(a, 5).items());
        }
    }
}
