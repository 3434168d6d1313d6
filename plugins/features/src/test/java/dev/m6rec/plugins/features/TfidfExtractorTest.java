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

class TfidfExtractorTest {
    private static final String PATH = "features.item[1]";
    private static final TfidfFactory FACTORY = new TfidfFactory();
    /** Smooth idf over 4 documents: ln((1 + 4) / (1 + df)) + 1. */
    private static final double IDF1 = Math.log(5.0 / 2) + 1;
    private static final double IDF2 = Math.log(5.0 / 3) + 1;
    private static final float HALF = (float) (1 / Math.sqrt(2));

    /** Four items; item 3 has no title. */
    private static FeatureInput items() {
        return ExtractorHarness.input(EntityKind.ITEM,
                new AttributeColumn.Text("title", new String[] {"The Love Bug", "Love, Actually", "A Bug's Life", null}),
                new AttributeColumn.Tags("genres", new String[][] {{}, {}, {}, {}}));
    }

    private static FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(items());
        return extractor;
    }

    @Test
    void rowsAreL2NormalisedTfidfWithSmoothIdf() {
        FeatureExtractor extractor = fitted(Map.of("field", "title"));

        // words: love (df 2), bug (2), actually (1), s (1), life (1); "the" and "a" are stop words
        assertThat(extractor.columns())
                .containsExactly("title:actually", "title:bug", "title:life", "title:love", "title:s");
        double norm1 = Math.sqrt(IDF1 * IDF1 + IDF2 * IDF2);
        double norm2 = Math.sqrt(IDF2 * IDF2 + 2 * IDF1 * IDF1);
        assertThat(extractor.encodeAll().data()).containsExactly(
                0, HALF, 0, HALF, 0,
                (float) (IDF1 / norm1), 0, 0, (float) (IDF2 / norm1), 0,
                0, (float) (IDF2 / norm2), (float) (IDF1 / norm2), 0, (float) (IDF1 / norm2),
                0, 0, 0, 0, 0);
        assertThat(extractor.encodeAll().get(1, 0)).isEqualTo(0.7852883f);   // 1.9162907 / sqrt(1.9162907^2 + 1.5108256^2)
    }

    @Test
    void maxFeaturesKeepsTheMostFrequentWordsWithTiesByWord() {
        FeatureExtractor extractor = fitted(Map.of("field", "title", "max-features", 3));

        assertThat(extractor.columns()).containsExactly("title:actually", "title:bug", "title:love");
        assertThat(extractor.encodeAll().row(2)).as("only 'bug' is left of item 2").containsExactly(0, 1, 0);
    }

    @Test
    void minDfAndStopWordsShapeTheVocabulary() {
        assertThat(fitted(Map.of("field", "title", "min-df", 2)).columns()).containsExactly("title:bug", "title:love");
        assertThat(fitted(Map.of("field", "title", "stop-words", "none")).columns()).containsExactly(
                "title:a", "title:actually", "title:bug", "title:life", "title:love", "title:s", "title:the");
    }

    @Test
    void porterStemmingMergesInflectionsAndSurvivesSaveAndLoad() {
        FeatureInput input = ExtractorHarness.input(EntityKind.ITEM,
                new AttributeColumn.Text("title", new String[] {"Loving Bugs", "Love Bug", "Lovely Lives", null}));
        Map<String, Object> section = Map.of("field", "title", "stemmer", "porter");
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(input);
        // bugs/bug -> bug; loving/love -> love; lovely -> love; lives -> live
        assertThat(extractor.columns()).containsExactly("title:bug", "title:live", "title:love");
        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, section);
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        assertThat(ExtractorHarness.encodeNew(loaded, Attributes.builder().text("title", "Bugs loved").build()))
                .containsExactly(ExtractorHarness.encodeNew(extractor, Attributes.builder().text("title", "bug love").build()));
        assertThat(Sections.problems(FACTORY, PATH, Map.of("field", "title", "stemmer", "snowball")))
                .containsExactly("features.item[1].stemmer: must be one of [porter, none] (was 'snowball')");
    }

    @Test
    void termFrequencyCountsRepeatedWords() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "title"));
        extractor.fit(ExtractorHarness.input(EntityKind.ITEM,
                new AttributeColumn.Text("title", new String[] {"New York, New York", "York"})));

        // new: df 1, idf ln(3/2)+1; york: df 2, idf 1; tf(new) = tf(york) = 2
        double idfNew = Math.log(1.5) + 1;
        double norm = Math.sqrt(4 * idfNew * idfNew + 4);
        assertThat(extractor.encodeAll().data()).containsExactly((float) (2 * idfNew / norm), (float) (2 / norm), 0, 1);
    }

    @Test
    void newEntitiesIgnoreUnknownWords() {
        FeatureExtractor extractor = fitted(Map.of("field", "title"));

        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().text("title", "Love Story").build()))
                .containsExactly(0, 0, 0, 1, 0);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().text("title", "Unknown Words").build()))
                .containsExactly(0, 0, 0, 0, 0);
        FeatureInput input = items();
        for (int i = 0; i < 4; i++) {
            assertThat(ExtractorHarness.encodeKnown(extractor, i))
                    .containsExactly(ExtractorHarness.encodeNew(extractor, input.attributes().row(i)));
        }
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("field", "title", "stop-words", "englsh")))
                .containsExactly("features.item[1].stop-words: must be one of [english, none] (was 'englsh'); "
                        + "did you mean 'english'?");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("field", "title", "max-features", -5)))
                .containsExactly("features.item[1].max-features: must be >= 1 (was -5)");
    }

    @Test
    void unknownOrTagFieldsFailAtFit() {
        FeatureExtractor unknown = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "name"));
        assertThatThrownBy(() -> unknown.fit(items()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[1].field: unknown item attribute 'name'; available: [title, genres]");

        FeatureExtractor tags = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "genres"));
        assertThatThrownBy(() -> tags.fit(items()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.item[1].field: item attribute 'genres' is tags; "
                        + "tfidf needs a categorical or text attribute");
    }

    @Test
    void saveAndLoadReproduceEveryEncoding() {
        FeatureExtractor extractor = fitted(Map.of("field", "title", "stop-words", "none"));

        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, Map.of("field", "title"));

        FeatureInput input = items();
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        for (int i = 0; i < 4; i++) {
            assertThat(ExtractorHarness.encodeNew(loaded, input.attributes().row(i)))
                    .containsExactly(ExtractorHarness.encodeKnown(extractor, i));
        }
        Attributes newItem = Attributes.builder().text("title", "The Bug").build();
        assertThat(ExtractorHarness.encodeNew(loaded, newItem))
                .as("'the' is a word of the saved vocabulary, whatever the new section says")
                .containsExactly(ExtractorHarness.encodeNew(extractor, newItem));
        assertThat(ExtractorHarness.encodeNew(loaded, newItem)[6]).isGreaterThan(0f);
    }
}
