package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiHotExtractorTest {
    private static final String PATH = "features.item[0]";
    private static final MultiHotFactory FACTORY = new MultiHotFactory();
    private static final float HALF = (float) (1 / Math.sqrt(2));

    /** Five items; item 2 repeats a tag, item 3 has none. */
    private static FeatureInput items() {
        return ExtractorHarness.input(EntityKind.ITEM,
                new AttributeColumn.Tags("genres", new String[][] {
                    {"Comedy", "Drama"}, {"Comedy"}, {"Comedy", "Comedy", "Horror"}, {}, {"Drama", "Western"}}),
                new AttributeColumn.Numeric("year", new float[] {1995, 1996, 1997, 1998, 1999}),
                new AttributeColumn.Categorical("studio", new String[] {"A", "B", "A", null, "C"}));
    }

    private static FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(items());
        return extractor;
    }

    @Test
    void eachTagIsAColumnAndRepeatsCountOnce() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres"));

        assertThat(extractor.columns()).containsExactly("genres=Comedy", "genres=Drama", "genres=Horror",
                "genres=Western", "genres=<other>");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1, 1, 0, 0, 0,
                1, 0, 0, 0, 0,
                1, 0, 1, 0, 0,
                0, 0, 0, 0, 0,
                0, 1, 0, 1, 0);
    }

    @Test
    void rareTagsFoldIntoOtherByMinCountOrMaxTags() {
        FeatureExtractor minCount = fitted(Map.of("field", "genres", "min-count", 2));
        assertThat(minCount.columns()).containsExactly("genres=Comedy", "genres=Drama", "genres=<other>");
        assertThat(minCount.encodeAll().data()).containsExactly(
                1, 1, 0,
                1, 0, 0,
                1, 0, 1,
                0, 0, 0,
                0, 1, 1);

        FeatureExtractor maxTags = fitted(Map.of("field", "genres", "max-tags", 1));
        assertThat(maxTags.columns()).containsExactly("genres=Comedy", "genres=<other>");
        assertThat(maxTags.encodeAll().data()).containsExactly(1, 1, 1, 0, 1, 1, 0, 0, 0, 1);
    }

    @Test
    void normalizeScalesRowsToUnitLength() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres", "min-count", 2, "normalize", true));

        assertThat(extractor.encodeAll().data()).containsExactly(
                HALF, HALF, 0,
                1, 0, 0,
                HALF, 0, HALF,
                0, 0, 0,
                0, HALF, HALF);
    }

    @Test
    void aCategoricalAttributeIsOneTagPerEntity() {
        FeatureExtractor extractor = fitted(Map.of("field", "studio"));

        assertThat(extractor.columns()).containsExactly("studio=A", "studio=B", "studio=C", "studio=<other>");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().category("studio", "D").build()))
                .containsExactly(0, 0, 0, 1);
    }

    @Test
    void newEntitiesMapUnseenTagsToOther() {
        FeatureExtractor extractor = fitted(Map.of("field", "genres", "min-count", 2, "normalize", true));

        assertThat(ExtractorHarness.encodeNew(extractor,
                Attributes.builder().tags("genres", List.of("Western", "Sci-Fi")).build()))
                .as("two unknown tags share one column").containsExactly(0, 0, 1);
        assertThat(ExtractorHarness.encodeNew(extractor,
                Attributes.builder().tags("genres", List.of("Drama", "Noir")).build()))
                .containsExactly(0, HALF, HALF);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.none())).containsExactly(0, 0, 0);
        FeatureInput input = items();
        for (int i = 0; i < 5; i++) {
            assertThat(ExtractorHarness.encodeKnown(extractor, i))
                    .containsExactly(ExtractorHarness.encodeNew(extractor, input.attributes().row(i)));
        }
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("min-count", 2)))
                .containsExactly("features.item[0].field: required (the tags (or categorical) attribute to encode)");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("field", "genres", "max-tags", 0)))
                .containsExactly("features.item[0].max-tags: must be >= 1 (was 0)");
    }

    @Test
    void unknownOrNumericFieldsFailAtFit() {
        FeatureExtractor unknown = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "genre"));
        assertThatThrownBy(() -> unknown.fit(items()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].field: unknown item attribute 'genre'; available: [genres, year, studio]");

        FeatureExtractor numeric = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "year"));
        assertThatThrownBy(() -> numeric.fit(items()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].field: item attribute 'year' is numeric; "
                        + "multi-hot needs a categorical or tags attribute");
    }

    @Test
    void saveAndLoadReproduceEveryEncoding() {
        Map<String, Object> section = Map.of("field", "genres", "min-count", 2, "normalize", true);
        FeatureExtractor extractor = fitted(section);

        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, Map.of("field", "studio"));

        FeatureInput input = items();
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        for (int i = 0; i < 5; i++) {
            assertThat(ExtractorHarness.encodeNew(loaded, input.attributes().row(i)))
                    .containsExactly(ExtractorHarness.encodeKnown(extractor, i));
        }
        Attributes newItem = Attributes.builder().tags("genres", List.of("Comedy", "Musical")).build();
        assertThat(ExtractorHarness.encodeNew(loaded, newItem)).containsExactly(HALF, 0, HALF);
    }
}
