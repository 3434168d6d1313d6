package dev.m6rec.plugins.dl4j.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.TitledCategoryData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The {@code cnn} model's text-CNN item encoder: cold items, item embeddings, persistence, a bad field. */
class CaserTextEncoderTest {
    private static final TitledCategoryData DATA = new TitledCategoryData(180, 6, 20, 3, 10, 0.85, 5);
    private static final RecordingPluginContext CONTEXT = new RecordingPluginContext(42, "interest");
    private static final CaserModel WITH_TEXT = fit(section(true), CONTEXT);
    private static final CaserModel WITHOUT_TEXT = fit(section(false), new RecordingPluginContext(42, "interest"));

    static Map<String, Object> section(boolean text) {
        Map<String, Object> section = CaserModelTest.cnnSection();
        if (text) {
            section.put("text", Map.of("field", "title", "tokens", 4, "widths", List.of(1, 2), "filters", 16));
        }
        return section;
    }

    /** An unfitted model of the valid section {@code section}. */
    static CaserModel create(Map<String, Object> section, RecordingPluginContext context) {
        return (CaserModel) Sections.create(new CaserFactory(), "interest", section, context);
    }

    static CaserModel fit(Map<String, Object> section, RecordingPluginContext context) {
        CaserModel model = create(section, context);
        model.fit(training());
        return model;
    }

    static TrainingData training() {
        return new TrainingData(DATA.split, DATA.inputs,
                RankingEvaluation.validation(DATA.split.train(), DATA.split.valid(), DATA.inputs.userFeatures()));
    }

    private static UserProfile profile(int user) {
        return RankingEvaluation.profile(user, RankingEvaluation.union(DATA.split.train(), DATA.split.valid()),
                DATA.inputs.userFeatures());
    }

    /**
     * Over users: the chance that an item nobody interacted with, of the user's favourite
     * category, outscores one of another category (ties count half): 0.5 is chance.
     */
    private static double coldItemAuc(InterestModel model) {
        float[] scores = new float[DATA.numItems];
        double total = 0;
        for (int u = 0; u < DATA.numUsers; u++) {
            model.scoreAll(profile(u), scores);
            double wins = 0;
            long pairs = 0;
            for (int a = 0; a < DATA.numItems; a++) {
                if (!DATA.cold[a] || DATA.itemCategory[a] != DATA.userCategory[u]) {
                    continue;
                }
                for (int b = 0; b < DATA.numItems; b++) {
                    if (DATA.cold[b] && DATA.itemCategory[b] != DATA.userCategory[u]) {
                        wins += scores[a] > scores[b] ? 1 : scores[a] == scores[b] ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            total += wins / pairs;
        }
        return total / DATA.numUsers;
    }

    @Test
    void theTitleOfAnItemWithoutInteractionsPlacesItInItsCategory() {
        assertThat(coldItemAuc(WITH_TEXT)).isGreaterThan(0.75);
        // Without the encoder every cold item is the padding row: they cannot be told apart.
        assertThat(coldItemAuc(WITHOUT_TEXT)).isBetween(0.45, 0.55);
        assertThat(CONTEXT.messages).contains("interest: text encoder over 'title', 38 words in the vocabulary");
    }

    @Test
    void itemEmbeddingsAreTheTargetVectorsOfEveryItem() {
        FeatureMatrix with = WITH_TEXT.itemEmbeddings().orElseThrow();
        FeatureMatrix without = WITHOUT_TEXT.itemEmbeddings().orElseThrow();
        assertThat(with.rows()).isEqualTo(DATA.numItems);
        assertThat(with.columns()).isEqualTo(32);
        assertThat(with.columnNames()).startsWith("cnn-embedding-0", "cnn-embedding-1");
        assertThat(without.rows()).isEqualTo(DATA.numItems);
        int coldA = 0;
        int coldB = 20;   // the first items of categories 0 and 1 are cold
        assertThat(DATA.cold[coldA] && DATA.cold[coldB]).isTrue();
        assertThat(without.row(coldA)).containsExactly(without.row(coldB));
        assertThat(with.row(coldA)).isNotEqualTo(with.row(coldB));
        // A cold item's vector is closer to its own category's items than to the others'.
        int closer = 0;
        int cold = 0;
        for (int i = 0; i < DATA.numItems; i++) {
            if (DATA.cold[i]) {
                cold++;
                closer += meanCosine(with, i, true) > meanCosine(with, i, false) ? 1 : 0;
            }
        }
        assertThat(closer).isGreaterThanOrEqualTo(cold - 2);
    }

    private static double meanCosine(FeatureMatrix m, int item, boolean sameCategory) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < m.rows(); j++) {
            if (j != item && !DATA.cold[j] && (DATA.itemCategory[j] == DATA.itemCategory[item]) == sameCategory) {
                sum += cosine(m.row(item), m.row(j));
                n++;
            }
        }
        return sum / n;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void saveThenLoadReproducesScoresAndEmbeddingsBitForBit() {
        MemoryArtifacts artifacts = saved();
        assertThat(artifacts.files).containsOnlyKeys("cnn-shape.i64", "network.json", "params.f32",
                "trained-users.i32", "trained-items.i32", "text-shape.i64", "text-vocabulary.txt", "text-tokens.i32");
        InterestModel loaded = create(section(true), new RecordingPluginContext(7, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : List.of(profile(0), profile(77), UserProfile.of(-1, new int[] {5, 44}, null, new float[0]))) {
            float[] before = new float[DATA.numItems];
            float[] after = new float[DATA.numItems];
            WITH_TEXT.scoreAll(user, before);
            loaded.scoreAll(user, after);
            assertThat(after).containsExactly(before);
        }
        assertThat(loaded.itemEmbeddings().orElseThrow().data())
                .containsExactly(WITH_TEXT.itemEmbeddings().orElseThrow().data());
    }

    @Test
    void aTruncatedOrTamperedArtifactFailsNamingTheFile() {
        assertLoadFails(files -> files.put("text-tokens.i32", Arrays.copyOf(files.get("text-tokens.i32"), 40)),
                "memory/interest/text-tokens.i32: truncated");
        int words = saved().readText("text-vocabulary.txt").split("\n").length;
        assertLoadFails(files -> {
            ByteBuffer tokens = ByteBuffer.wrap(files.get("text-tokens.i32")).order(ByteOrder.LITTLE_ENDIAN);
            tokens.putInt(8 + 4 * 6, 999);   // after the 8-byte header: item 1's third token
        }, "memory/interest/text-tokens.i32: token 999 of item 1 outside 0.." + (words + 1));
        assertLoadFails(files -> {
            String vocabulary = new String(files.get("text-vocabulary.txt"), StandardCharsets.UTF_8);
            files.put("text-vocabulary.txt", vocabulary.substring(0, vocabulary.lastIndexOf('\n'))
                    .getBytes(StandardCharsets.UTF_8));
        }, "memory/interest/text-vocabulary.txt: holds " + (words - 1) + " words, text-shape.i64 says " + words);
        assertLoadFails(files -> files.put("params.f32", Arrays.copyOf(files.get("params.f32"), 100)),
                "memory/interest/params.f32: truncated");
        assertLoadFails(files -> ByteBuffer.wrap(files.get("params.f32")).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(8 + 4 * 3, Float.NaN), "memory/interest/params.f32: value 3 is not finite (NaN)");
    }

    private static MemoryArtifacts saved() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        WITH_TEXT.save(artifacts);
        return artifacts;
    }

    private static void assertLoadFails(Consumer<Map<String, byte[]>> tamper, String message) {
        MemoryArtifacts artifacts = saved();
        tamper.accept(artifacts.files);
        InterestModel model = create(section(true), new RecordingPluginContext(7, "interest"));
        assertThatThrownBy(() -> model.load(artifacts, DATA.inputs))
                .isInstanceOf(ArtifactException.class).hasMessage(message);
    }

    @Test
    void anUnknownOrNumericTextFieldIsAConfigErrorNamingTheKey() {
        Map<String, Object> section = section(true);
        section.put("text", Map.of("field", "titel"));
        CaserModel model = create(section, new RecordingPluginContext(42, "interest"));
        assertThatThrownBy(() -> model.fit(training()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.text.field: unknown item attribute 'titel'; available: [title, category, price]")
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                        .containsExactly("interest.text.field"));
        section.put("text", Map.of("field", "price"));
        CaserModel numeric = create(section, new RecordingPluginContext(42, "interest"));
        assertThatThrownBy(() -> numeric.fit(training()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.text.field: item attribute 'price' is numeric; the text encoder needs a text, "
                        + "categorical or tags attribute");
    }

    @Test
    void textSettingsDefaultsAndValidation() {
        CaserFactory factory = new CaserFactory();
        TextEncoderSettings defaults = Sections.bind(factory, "interest", Map.of()).text();
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.tokens()).isEqualTo(8);
        assertThat(defaults.widths()).containsExactly(1, 2);
        assertThat(defaults.filters()).isEqualTo(32);
        assertThat(defaults.wordEmbedding()).isEqualTo(16);
        assertThat(defaults.minCount()).isEqualTo(2);
        assertThat(defaults.maxWords()).isEqualTo(20_000);

        assertThat(Sections.problems(factory, "interest",
                Map.of("text", Map.of("field", "title", "tokens", 2, "widths", List.of(1, 3, 1))))).containsExactly(
                "interest.text.widths[1]: must be <= text.tokens 2 (was 3)",
                "interest.text.widths[2]: repeats width 1 (raise text.filters for more filters)");
        assertThat(Sections.problems(factory, "interest", Map.of("text", Map.of("tokens", 4, "filters", 8))))
                .containsExactly("interest.text.field: required when text.tokens is given"
                        + " (the text encoder is off without a field)");
        assertThat(Sections.problems(factory, "interest", Map.of("text", Map.of("field", " ", "widths", List.of()))))
                .containsExactly("interest.text.field: must name an item attribute (was '')",
                        "interest.text.widths: must list at least one convolution width");

        assertThat(Sections.problems(factory, "interest", Map.of("text", Map.of("field", "title", "tokens", 0,
                "min-count", 0, "fields", "x")))).containsExactlyInAnyOrder(
                "interest.text.tokens: must be >= 1 (was 0)",
                "interest.text.min-count: must be >= 1 (was 0)",
                "interest.text.fields: unknown key; did you mean 'field'?");
    }
}
