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

class CategoricalExtractorTest {
    private static final String PATH = "features.user[0]";
    private static final CategoricalFactory FACTORY = new CategoricalFactory();

    /** Six users; user 3 has no gender. */
    private static FeatureInput users() {
        return ExtractorHarness.input(EntityKind.USER,
                new AttributeColumn.Categorical("gender", new String[] {"F", "M", "F", null, "M", "X"}),
                new AttributeColumn.Categorical("occupation",
                        new String[] {"writer", "doctor", "writer", "artist", "writer", "doctor"}),
                new AttributeColumn.Tags("genres", new String[][] {{}, {}, {}, {}, {}, {}}));
    }

    private static FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(users());
        return extractor;
    }

    @Test
    void eachFieldIsOneHotWithAnOtherColumnAndMissingValuesAreAllZero() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("gender", "occupation")));

        assertThat(extractor.columns()).containsExactly("gender=F", "gender=M", "gender=X", "gender=<other>",
                "occupation=artist", "occupation=doctor", "occupation=writer", "occupation=<other>");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1, 0, 0, 0, 0, 0, 1, 0,
                0, 1, 0, 0, 0, 1, 0, 0,
                1, 0, 0, 0, 0, 0, 1, 0,
                0, 0, 0, 0, 1, 0, 0, 0,
                0, 1, 0, 0, 0, 0, 1, 0,
                0, 0, 1, 0, 0, 1, 0, 0);
    }

    @Test
    void rareCategoriesFoldIntoOther() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("gender"), "min-count", 2));

        assertThat(extractor.columns()).containsExactly("gender=F", "gender=M", "gender=<other>");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1, 0, 0,
                0, 1, 0,
                1, 0, 0,
                0, 0, 0,
                0, 1, 0,
                0, 0, 1);
    }

    @Test
    void maxCategoriesKeepsTheMostFrequentAndBreaksTiesByName() {
        FeatureExtractor occupation = fitted(Map.of("fields", List.of("occupation"), "max-categories", 1));
        assertThat(occupation.columns()).containsExactly("occupation=writer", "occupation=<other>");
        assertThat(occupation.encodeAll().data()).containsExactly(1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1);

        FeatureExtractor gender = fitted(Map.of("fields", List.of("gender"), "max-categories", 1));
        assertThat(gender.columns()).as("F and M both appear twice").containsExactly("gender=F", "gender=<other>");
    }

    @Test
    void newEntitiesMapUnseenCategoriesToOther() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("gender", "occupation"), "min-count", 2));
        // columns: gender=F, gender=M, gender=<other>, occupation=doctor, occupation=writer, occupation=<other>

        assertThat(ExtractorHarness.encodeNew(extractor,
                Attributes.builder().category("gender", "Z").category("occupation", "doctor").build()))
                .containsExactly(0, 0, 1, 1, 0, 0);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().category("occupation", "artist").build()))
                .as("artist was too rare; gender is missing").containsExactly(0, 0, 0, 0, 0, 1);
        FeatureInput input = users();
        for (int u = 0; u < 6; u++) {
            assertThat(ExtractorHarness.encodeKnown(extractor, u))
                    .containsExactly(ExtractorHarness.encodeNew(extractor, input.attributes().row(u)));
        }
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("gender"), "min-count", 0,
                "max-categories", "many")))
                .containsExactlyInAnyOrder("features.user[0].min-count: must be >= 1 (was 0)",
                        "features.user[0].max-categories: expected an integer (was 'many')");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", "gender")))
                .contains("features.user[0].fields: expected a list of strings (was 'gender')");
    }

    @Test
    void unknownOrTagFieldsFailAtFit() {
        FeatureExtractor unknown = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("sex")));
        assertThatThrownBy(() -> unknown.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[0]: unknown user attribute 'sex'; "
                        + "available: [gender, occupation, genres]");

        FeatureExtractor tags = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("gender", "genres")));
        assertThatThrownBy(() -> tags.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[1]: user attribute 'genres' is tags; "
                        + "categorical needs a categorical attribute");
    }

    @Test
    void saveAndLoadReproduceEveryEncodingEvenForOddTokens() {
        FeatureInput input = ExtractorHarness.input(EntityKind.ITEM,
                new AttributeColumn.Categorical("studio", new String[] {"a=b", "line\nbreak", "back\\slash", "", "a=b"}),
                new AttributeColumn.Categorical("country", new String[] {"FR", null, "US", "US", "FR"}));
        Map<String, Object> section = Map.of("fields", List.of("studio", "country"));
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, "features.item[0]", section);
        extractor.fit(input);

        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, "features.item[0]", section);

        assertThat(loaded.columns()).containsExactly("studio=", "studio=a=b", "studio=back\\slash",
                "studio=line\nbreak", "studio=<other>", "country=FR", "country=US", "country=<other>");
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        for (int i = 0; i < 5; i++) {
            assertThat(ExtractorHarness.encodeNew(loaded, input.attributes().row(i)))
                    .containsExactly(ExtractorHarness.encodeKnown(extractor, i));
        }
        Attributes newItem = Attributes.builder().category("studio", "line\nbreak").category("country", "DE").build();
        assertThat(ExtractorHarness.encodeNew(loaded, newItem)).containsExactly(0, 0, 0, 1, 0, 0, 0, 1);
    }
}
