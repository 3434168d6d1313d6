package dev.m6rec.plugins.dl4j.easedae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Baselines;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import dev.m6rec.plugins.dl4j.vae.MultiHot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EaseDaeModelTest {
    /** Taste groups over genres (see SyntheticData): 240 users, 160 items, about 24 items each. */
    private static final SyntheticData DATA = new SyntheticData(240, 160, 4, 24, 7);
    private static final RecordingPluginContext CONTEXT = new RecordingPluginContext(42, "interest");
    /** Fitted once for the tests that only read it. */
    private static final EaseDaeModel MODEL = fit(Map.of(), CONTEXT);

    /** A small, fast configuration with every setting the assertions depend on spelled out. */
    static Map<String, Object> small(Map<String, Object> overrides) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("lambda", 20.0);
        section.put("folds", 4);
        section.put("hidden", 32);
        section.put("dropout", 0.5);
        section.put("epochs", 30);
        section.put("batch-size", 32);
        section.put("learning-rate", 0.003);
        section.put("weight-decay", 1.0);
        section.put("early-stopping", Map.of("patience", 8));
        section.putAll(overrides);
        return section;
    }

    static EaseDaeModel create(Map<String, Object> section, RecordingPluginContext context) {
        return (EaseDaeModel) Sections.create(new EaseDaeFactory(), "interest", section, context);
    }

    static EaseDaeModel fit(Map<String, Object> overrides, RecordingPluginContext context) {
        EaseDaeModel model = create(small(overrides), context);
        model.fit(training());
        return model;
    }

    static TrainingData training() {
        return new TrainingData(DATA.split, DATA.inputs,
                RankingEvaluation.validation(DATA.split.train(), DATA.split.valid(), DATA.inputs.userFeatures()));
    }

    private static Interactions seen() {
        return RankingEvaluation.union(DATA.split.train(), DATA.split.valid());
    }

    private static double testNdcg(InterestModel model) {
        return RankingEvaluation.ndcgAt10(model, seen(), DATA.split.test(), DATA.inputs.userFeatures());
    }

    private static UserProfile profile(int user) {
        return RankingEvaluation.profile(user, seen(), DATA.inputs.userFeatures());
    }

    private static UserProfile newUser(int[] history) {
        return UserProfile.of(-1, history, null, new float[DATA.inputs.userFeatures().columns()]);
    }

    private static float[] scores(InterestModel model, UserProfile user) {
        float[] out = new float[DATA.numItems];
        model.scoreAll(user, out);
        return out;
    }

    @Test
    void beatsPopularityAndBprByAClearMargin() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(training());
        InterestModel bpr = Baselines.bpr(16, 30, 0.05f, 0.01f, 3);
        bpr.fit(training());
        double ndcg = testNdcg(MODEL);
        assertThat(ndcg).isGreaterThan(testNdcg(popularity) + 0.15);
        assertThat(ndcg).isGreaterThan(testNdcg(bpr));
    }

    @Test
    void theAutoencoderAddsToItsLinearPath() {
        // Epoch 0 is the linear path alone (the residual layer starts at zero); the kept epoch must do better.
        EaseDaeModel linearOnly = fit(Map.of("epochs", 1, "learning-rate", 1e-9), new RecordingPluginContext(42,
                "interest"));
        double linear = testNdcg(linearOnly);
        assertThat(testNdcg(MODEL)).isGreaterThan(linear);
    }

    @Test
    void reportsLossValidationAndSpeedEachEpoch() {
        assertThat(CONTEXT.messages).first().asString()
                .matches("epoch 1: loss \\d+\\.\\d{4}, ndcg@10 0\\.\\d{4}, [\\d,]+ users/s");
        assertThat(CONTEXT.messages).last().asString().startsWith("interest: kept epoch ");
    }

    @Test
    void theScorerMatchesDl4jsForwardPassPlusTheLinearPath() {
        ComputationGraph net = MODEL.network();
        float[] linear = MODEL.linearWeights();
        for (int user : new int[] {0, 9, 120}) {
            int[] history = profile(user).history();
            float[] dense = new float[DATA.numItems];
            for (int item : history) {
                dense[item] = 1f;
            }
            INDArray residual = net.outputSingle(false, Nd4j.create(dense, new long[] {1, DATA.numItems}, 'c'));
            float[] expected = residual.dup('c').data().asFloat();
            for (int item = 0; item < DATA.numItems; item++) {
                if (dense[item] > 0) {
                    for (int j = 0; j < DATA.numItems; j++) {
                        expected[j] += linear[item * DATA.numItems + j];
                    }
                }
            }
            float[] actual = scores(MODEL, profile(user));
            for (int j = 0; j < DATA.numItems; j++) {
                assertThat(actual[j]).as("user %d item %d", user, j).isCloseTo(expected[j], within(1e-4f));
            }
        }
    }

    @Test
    void trainingLabelsAreTheResidualOfTheWeightsFittedWithoutTheUsersFold() {
        int n = 3;
        float[][] foldLinear = {new float[n * n], {0, 0.5f, 0.25f, 0.5f, 0, 0, 0, 0, 0}};
        MultiHot histories = MultiHot.of(new SparseRows(2, n, new int[] {0, 1, 3}, new int[] {2, 0, 1}, new int[3]), n);
        INDArray[] batch = EaseDaeModel.batch(histories, new int[] {1, 0}, 0, 2, new int[] {0, 1}, foldLinear, n);
        // User 1 (fold 1) has items 0 and 1: x B = [0.5, 0.5, 0.25]; user 0 (fold 0, zero weights) has item 2.
        assertThat(batch[0].dup('c').data().asFloat()).containsExactly(1, 1, 0, 0, 0, 1);
        assertThat(batch[1].dup('c').data().asFloat()).containsExactly(0.5f, 0.5f, -0.25f, 0, 0, 1);
    }

    @Test
    void saveThenLoadReproducesScoresBitForBit() {
        MemoryArtifacts artifacts = saved();
        assertThat(artifacts.files).containsOnlyKeys("ease-dae-shape.i64", "ease-dae-linear.f32", "network.json",
                "params.f32");
        EaseDaeModel loaded = create(small(Map.of()), new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : new UserProfile[] {profile(0), profile(17), newUser(new int[] {3, 5}),
                newUser(new int[0])}) {
            assertThat(scores(loaded, user)).containsExactly(scores(MODEL, user));
        }
    }

    @Test
    void damagedArtifactsFailWithClearMessages() {
        MemoryArtifacts otherItems = saved();
        otherItems.files.put("ease-dae-shape.i64", longs(1, 170, 5));
        assertThatThrownBy(() -> load(otherItems)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/ease-dae-shape.i64: trained for 170 items, the inputs have 160");

        MemoryArtifacts shortLinear = saved();
        byte[] linear = shortLinear.files.get("ease-dae-linear.f32");
        MemoryArtifacts scratch = new MemoryArtifacts();
        scratch.writeFloats("x", new float[] {1, 2, 3});
        shortLinear.files.put("ease-dae-linear.f32", scratch.files.get("x"));
        assertThat(linear.length).isGreaterThan(scratch.files.get("x").length);
        assertThatThrownBy(() -> load(shortLinear)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/ease-dae-linear.f32: holds 3 weights, 160 items need 25600");

        MemoryArtifacts otherNetwork = saved();
        EaseDaeModel wider = create(small(Map.of("hidden", 33)), new RecordingPluginContext(1, "interest"));
        assertThatThrownBy(() -> wider.load(otherNetwork, DATA.inputs)).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith("memory/interest/network.json: the stored network differs");
    }

    @Test
    void tooManyItemsIsAConfigurationErrorNamingTheKey() {
        EaseDaeModel model = create(small(Map.of("max-items", 100)), new RecordingPluginContext(1, "interest"));
        assertThatThrownBy(() -> model.fit(training())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("interest.max-items").hasMessageContaining("160 items, more than 100");
    }

    @Test
    void aNewUserIsScoredFromAHistoryAloneWithoutRetraining() {
        for (int genre = 0; genre < DATA.groups; genre++) {
            int[] history = new int[5];
            for (int item = 0, n = 0; n < history.length; item++) {
                if (DATA.itemGenre[item] == genre) {
                    history[n++] = item;
                }
            }
            float[] scores = scores(MODEL, newUser(history));
            boolean[] excluded = new boolean[DATA.numItems];
            for (int item : history) {
                excluded[item] = true;
            }
            ScoredItems top = ScoredItems.topK(scores, 10, excluded);
            int sameGenre = 0;
            for (int r = 0; r < top.size(); r++) {
                sameGenre += DATA.itemGenre[top.item(r)] == genre ? 1 : 0;
            }
            assertThat(sameGenre).as("genre %d", genre).isGreaterThanOrEqualTo(7);   // chance: about 2.5
            assertThat(scores(MODEL, UserProfile.of(3, history, null, new float[0]))).containsExactly(scores);
        }
    }

    @Test
    void aFreshEventMovesTheScoresAtOnce() {
        UserProfile before = profile(5);
        int[] history = Arrays.copyOf(before.history(), before.history().length + 1);
        history[history.length - 1] = before.history()[0] == 0 ? 1 : 0;
        float[] withEvent = scores(MODEL, UserProfile.of(5, history, null, before.features()));
        assertThat(withEvent).isNotEqualTo(scores(MODEL, before));
    }

    @Test
    void sameSeedSameModel() {
        Map<String, Object> quick = Map.of("epochs", 2);
        EaseDaeModel first = fit(quick, new RecordingPluginContext(5, "interest"));
        EaseDaeModel second = fit(quick, new RecordingPluginContext(5, "interest"));
        assertThat(scores(second, profile(8))).containsExactly(scores(first, profile(8)));
    }

    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        ConcurrentScoring.assertMatchesSequential(MODEL, EaseDaeModelTest::profile, 40, DATA.numItems);
    }

    private static MemoryArtifacts saved() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        MODEL.save(artifacts);
        return artifacts;
    }

    private static void load(MemoryArtifacts artifacts) {
        create(small(Map.of()), new RecordingPluginContext(1, "interest")).load(artifacts, DATA.inputs);
    }

    private static byte[] longs(long... values) {
        MemoryArtifacts scratch = new MemoryArtifacts();
        scratch.writeLongs("x", values);
        return scratch.files.get("x");
    }
}
