package com.example.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagCountExtractorTest {
    private static final String PATH = "features.item[0]";
    private final TagCountExtractorFactory factory = new TagCountExtractorFactory();

    private FeatureExtractor created(Map<String, Object> section) {
        return Sections.create(factory, PATH, section, new RecordingPluginContext(1, PATH));
    }

    private FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = created(section);
        extractor.fit(Fixtures.items());
        return extractor;
    }

    @Test
    void defaultsAndValidationMessagesNameTheKeyPath() {
        assertThat(Sections.bind(factory, PATH, Map.of("field", "genres")))
                .isEqualTo(new TagCountExtractorFactory.Settings("genres", 50, 1, true));
        assertThat(Sections.problems(factory, PATH, Fixtures.section("max-tags", 0, "min-cnt", 2, "count", "yes")))
                .containsExactly(
                        "features.item[0].max-tags: must be >= 1 (was 0)",
                        "features.item[0].min-cnt: unknown key; did you mean 'min-count'?",
                        "features.item[0].count: expected true or false (was 'yes')",
                        "features.item[0].field: required (the tag attribute to encode, e.g. genres)");
    }

    @Test
    void encodesTheMostFrequentTagsAndTheCount() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres", "max-tags", 3));
        // Drama 3, Comedy 2, then Horror and Romance tie at 1: the name decides.
        assertThat(extractor.columns()).containsExactly("genres=Drama", "genres=Comedy", "genres=Horror", "genres#count");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1, 1, 0, 2,
                1, 0, 0, 1,
                0, 1, 1, 2,
                0, 0, 0, 0,
                1, 0, 0, 2);
        float[] row = new float[6];
        extractor.encode(Fixtures.genresOf(2), row, 1);
        assertThat(row).containsExactly(0, 0, 1, 1, 2, 0);
    }

    @Test
    void encodesANewEntityFromItsAttributes() {
        FeatureExtractor extractor = fitted(Fixtures.section("field", "genres", "min-count", 2, "count", false));
        assertThat(extractor.columns()).containsExactly("genres=Drama", "genres=Comedy");
        float[] v = {9, 9};
        extractor.encode(Attributes.builder().tags("genres", List.of("Comedy", "Western", "Comedy")).build(), v, 0);
        assertThat(v).containsExactly(0, 1);
        extractor.encode(Attributes.none(), v, 0);
        assertThat(v).containsExactly(0, 0);
    }

    @Test
    void aMissingOrNonTagAttributeIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> fitted(Map.of("field", "tags")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].field: no attribute 'tags' on items; available: [genres, year]");
        assertThatThrownBy(() -> fitted(Map.of("field", "year")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].field: attribute 'year' is NUMERIC, expected TAGS (a list of tags per item)");
    }

    @Test
    void aSavedExtractorLoadsBackAndEncodesExactlyAsFitted() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres"));
        MemoryArtifacts artifact = new MemoryArtifacts();
        extractor.save(artifact);
        assertThat(artifact.files).containsOnlyKeys("vocabulary.txt");   // M6-Rec stores the fitted vectors itself

        FeatureExtractor loaded = created(Map.of("field", "genres"));
        loaded.load(artifact);
        assertThat(loaded.columns()).isEqualTo(extractor.columns());
        int width = extractor.columns().size();
        float[] fittedRows = extractor.encodeAll().data();
        for (int item = 0; item < Fixtures.GENRES.length; item++) {
            float[] v = new float[width];
            loaded.encode(Fixtures.genresOf(item), v, 0);
            assertThat(v).as("item %d", item).isEqualTo(Arrays.copyOfRange(fittedRows, item * width, (item + 1) * width));
        }
        float[] a = new float[width];
        float[] b = new float[width];
        Attributes newItem = Attributes.builder().tags("genres", List.of("Horror", "Drama", "Western")).build();
        extractor.encode(newItem, a, 0);
        loaded.encode(newItem, b, 0);
        assertThat(b).isEqualTo(a).containsExactly(1, 0, 1, 0, 3);
    }

    @Test
    void anUnfittedExtractorSaysSo() {
        assertThatThrownBy(() -> created(Map.of("field", "genres")).encode(Attributes.none(), new float[1], 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("features.item[0] (tag-count): used before fit or load");
    }
}
