package com.example.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.core.testing.MemoryArtifacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagCountExtractorTest {
    private final TagCountExtractorFactory factory = new TagCountExtractorFactory();

    private FeatureExtractor fitted(Map<String, Object> section) {
        ComponentConfig config = Fixtures.bind("features.item[0]", factory, section);
        FeatureExtractor extractor = factory.create(config, null);
        extractor.fit(Fixtures.items());
        return extractor;
    }

    @Test
    void defaultsAndValidationMessagesNameTheKeyPath() {
        ComponentConfig config = Fixtures.bind("features.item[0]", factory, Map.of("field", "genres"));
        assertThat(config.getInt("max-tags")).isEqualTo(50);
        assertThat(config.getInt("min-count")).isEqualTo(1);
        assertThat(config.getBoolean("count")).isTrue();
        assertThatThrownBy(() -> Fixtures.bind("features.item[0]", factory, Fixtures.section("max-tags", 0, "min-cnt", 2, "count", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("4 configuration problems:\n"
                        + "  features.item[0].max-tags: must be >= 1 (was 0)\n"
                        + "  features.item[0].min-cnt: unknown key; did you mean 'min-count'?\n"
                        + "  features.item[0].count: expected true or false (was 'yes')\n"
                        + "  features.item[0].field: required (the tag attribute to encode, e.g. genres)");
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
        extractor.encode(2, row, 1);
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
    void aSavedExtractorLoadsBackWithIdenticalVectors() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres"));
        MemoryArtifacts artifact = new MemoryArtifacts();
        extractor.save(artifact);

        FeatureExtractor loaded = factory.create(Fixtures.bind("features.item[0]", factory, Map.of("field", "genres")), null);
        loaded.load(artifact);
        assertThat(loaded.columns()).isEqualTo(extractor.columns());
        assertThat(loaded.encodeAll().data()).isEqualTo(extractor.encodeAll().data());
        float[] a = new float[extractor.columns().size()];
        float[] b = new float[a.length];
        Attributes newItem = Attributes.builder().tags("genres", List.of("Horror", "Drama")).build();
        extractor.encode(newItem, a, 0);
        loaded.encode(newItem, b, 0);
        assertThat(b).isEqualTo(a);
    }
}
