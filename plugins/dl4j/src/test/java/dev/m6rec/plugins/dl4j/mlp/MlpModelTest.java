package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Baselines;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.Test;

class MlpModelTest {
    private static final SyntheticData DATA = MlpFixtures.DATA;
    private static final RecordingPluginContext DEFAULT_CONTEXT = new RecordingPluginContext(42, "interest");
    /** Both heads, default weights: fitted once for the tests that only read it. */
    private static final MlpModel BOTH = MlpFixtures.fit(Map.of(), DATA, DEFAULT_CONTEXT);

    private static Interactions seen() {
        return RankingEvaluation.union(DATA.split.train(), DATA.split.valid());
    }

    private static double rmse(MlpModel model) {
        return RankingEvaluation.rmse(model, seen(), DATA.split.test(), DATA.inputs.userFeatures());
    }

    @Test
    void beatsPopularityAndBprOnNdcg() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(MlpFixtures.training(DATA));
        InterestModel bpr = Baselines.bpr(16, 30, 0.05f, 0.01f, 3);
        bpr.fit(MlpFixtures.training(DATA));
        double mlp = MlpFixtures.testNdcg(BOTH, DATA);
        assertThat(mlp).isGreaterThan(MlpFixtures.testNdcg(popularity, DATA) + 0.1)
                .isGreaterThan(MlpFixtures.testNdcg(bpr, DATA) + 0.02);
    }

    @Test
    void reportsLossesPerHeadValidationAndSpeedEachEpoch() {
        assertThat(DEFAULT_CONTEXT.messages).first().asString()
                .matches("epoch 1: click loss \\d\\.\\d{4}, rating mse \\d\\.\\d{4}, cold loss \\d+\\.\\d{4},"
                        + " ndcg@10 0\\.\\d{4}, [\\d,]+ samples/s");
        assertThat(DEFAULT_CONTEXT.messages).last().asString().startsWith("interest: kept epoch ");
    }

    @Test
    void withoutTheClickLossRanksWorseButPredictsRatings() {
        MlpModel ratingOnly = MlpFixtures.fit(Map.of("loss", Map.of("click", 0.0)), DATA,
                new RecordingPluginContext(42, "interest"));
        double withClicks = MlpFixtures.testNdcg(BOTH, DATA);
        double ratingsOnly = MlpFixtures.testNdcg(ratingOnly, DATA);
        assertThat(ratingsOnly).isLessThan(withClicks - 0.05);
        // The ratings of the test interactions: a constant at the training mean scores about 1.2 here.
        double meanRmse = RankingEvaluation.rmse(constantRating(3.2f), seen(), DATA.split.test(), DATA.inputs.userFeatures());
        assertThat(ratingOnly.predictsRatings()).isTrue();
        assertThat(rmse(ratingOnly)).isLessThan(meanRmse * 0.8).isGreaterThan(0.1);
        assertThat(rmse(BOTH)).isLessThan(meanRmse * 0.8);
    }

    @Test
    void withoutTheRatingLossThereIsNoRatingPrediction() {
        MlpModel clickOnly = MlpFixtures.fit(Map.of("loss", Map.of("rating", 0.0), "epochs", 2), DATA,
                new RecordingPluginContext(1, "interest"));
        assertThat(clickOnly.predictsRatings()).isFalse();
        assertThatThrownBy(() -> clickOnly.predictRating(profile(0), 3))
                .isInstanceOf(IllegalStateException.class).hasMessage("this model has no rating head");
        assertThat(MlpFixtures.testNdcg(clickOnly, DATA)).isGreaterThan(0.2);
    }

    @Test
    void saveThenLoadReproducesScoresBitForBit() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        BOTH.save(artifacts);
        assertThat(artifacts.files).containsOnlyKeys("mlp.properties", "network.json", "params.f32",
                "trained-users.i32", "trained-items.i32");
        MlpModel loaded = MlpFixtures.create(MlpFixtures.small(Map.of()), new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : List.of(profile(0), profile(17), newUser(2))) {
            float[] before = new float[DATA.numItems];
            float[] after = new float[DATA.numItems];
            BOTH.scoreAll(user, before);
            loaded.scoreAll(user, after);
            assertThat(after).containsExactly(before);
            int[] items = {0, 5, 9};
            float[] ratingsBefore = new float[3];
            float[] ratingsAfter = new float[3];
            BOTH.predictRatings(user, items, ratingsBefore);
            loaded.predictRatings(user, items, ratingsAfter);
            assertThat(ratingsAfter).containsExactly(ratingsBefore);
        }
    }

    @Test
    void aLoadScoresOnOneOpenBlasThreadWhateverTheTrainingThreads() {
        // intra-op-threads is a training setting; a served request's small products stay on the caller's thread.
        MlpModel loaded = MlpFixtures.create(MlpFixtures.small(Map.of("intra-op-threads", 2)),
                new RecordingPluginContext(99, "interest"));
        dev.m6rec.plugins.dl4j.Nd4jRuntime.configure(2);
        assertThat(openblas_nolapack.blas_get_num_threads()).isEqualTo(2);
        loaded.load(saved(), DATA.inputs);
        assertThat(openblas_nolapack.blas_get_num_threads()).isEqualTo(1);
    }

    @Test
    void itemEmbeddingsAreOneSharedCopyPerFittedModelAndSurviveALoad() {
        FeatureMatrix first = BOTH.itemEmbeddings().orElseThrow();
        assertThat(BOTH.itemEmbeddings().orElseThrow().data()).isSameAs(first.data());
        assertThat(first.rows()).isEqualTo(DATA.numItems);
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        BOTH.save(artifacts);
        MlpModel loaded = MlpFixtures.create(MlpFixtures.small(Map.of()), new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, DATA.inputs);
        FeatureMatrix reloaded = loaded.itemEmbeddings().orElseThrow();
        assertThat(reloaded.data()).isNotSameAs(first.data()).containsExactly(first.data());
        assertThat(loaded.itemEmbeddings().orElseThrow()).isSameAs(reloaded);
    }

    @Test
    void damagedArtifactsFailWithClearMessages() {
        MemoryArtifacts truncated = saved();
        byte[] params = truncated.files.get("params.f32");
        truncated.files.put("params.f32", Arrays.copyOf(params, params.length - 7));
        assertThatThrownBy(() -> load(truncated)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/params.f32: truncated");

        MemoryArtifacts edited = saved();
        String json = new String(edited.files.get("network.json"), StandardCharsets.UTF_8);
        edited.files.put("network.json", json.replace("\"nout\" : 32", "\"nout\" : 33").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(edited)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/network.json: the stored network differs from the one the configuration"
                        + " describes (was the artifact written with other settings or edited?)");

        MemoryArtifacts poisoned = saved();
        byte[] nan = poisoned.files.get("params.f32").clone();
        Arrays.fill(nan, 8, 12, (byte) 0xff);   // parameter 0 becomes NaN
        poisoned.files.put("params.f32", nan);
        assertThatThrownBy(() -> load(poisoned)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/params.f32: value 0 is not finite (NaN)");

        MemoryArtifacts otherData = saved();
        String properties = new String(otherData.files.get("mlp.properties"), StandardCharsets.UTF_8);
        otherData.files.put("mlp.properties", properties.replace("num-users=240", "num-users=250")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(otherData)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/mlp.properties: trained with 250 users, the inputs have 240");
    }

    @Test
    void aNewUserIsScoredFromFeaturesAlone() {
        for (int group = 0; group < DATA.groups; group++) {
            float[] scores = new float[DATA.numItems];
            BOTH.scoreAll(newUser(group), scores);
            ScoredItems top = ScoredItems.topK(scores, 10, null);
            int preferred = 0;
            for (int r = 0; r < top.size(); r++) {
                preferred += DATA.itemGenre[top.item(r)] == DATA.preferredGenre(group) ? 1 : 0;
            }
            assertThat(preferred).as("group %d", group).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void anItemWithoutInteractionsIsScoredFromFeatures() {
        int[] counts = DATA.split.train().itemCounts();
        int checked = 0;
        for (int item = 0; item < DATA.numItems; item++) {
            if (counts[item] > 0) {
                continue;
            }
            // The item's genre is preferred by exactly one group: its users should score it highest.
            float[] score = new float[1];
            float fan = 0;
            float others = Float.NEGATIVE_INFINITY;   // scores rank; they need not be probabilities
            for (int group = 0; group < DATA.groups; group++) {
                BOTH.score(newUser(group), new int[] {item}, score);
                if (DATA.preferredGenre(group) == DATA.itemGenre[item]) {
                    fan = score[0];
                } else {
                    others = Math.max(others, score[0]);
                }
            }
            assertThat(fan).as("item %d", item).isGreaterThan(others);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void sameSeedSameModel() {
        Map<String, Object> quick = Map.of("epochs", 2, "dropout", 0.2);
        MlpModel first = MlpFixtures.fit(quick, DATA, new RecordingPluginContext(5, "interest"));
        MlpModel second = MlpFixtures.fit(quick, DATA, new RecordingPluginContext(5, "interest"));
        float[] a = new float[DATA.numItems];
        float[] b = new float[DATA.numItems];
        first.scoreAll(profile(8), a);
        second.scoreAll(profile(8), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        ConcurrentScoring.assertMatchesSequential(BOTH, u -> profile(u), 40, DATA.numItems);
    }

    @Test
    void dl4jGraphEngineTrainsTheSameNetworkToTheSameLosses() {
        // DL4J's own fit loop and the fused kernel start from the same parameters and see the same
        // rows; they differ only in the embedding tables' Adam (dense vs lazy), so losses stay close.
        SyntheticData small = new SyntheticData(80, 60, 4, 16, 3);
        Map<String, Object> plain = Map.of("epochs", 2, "id-dropout", 0.0, "early-stopping", Map.of("patience", 0));
        RecordingPluginContext graphContext = new RecordingPluginContext(9, "interest");
        RecordingPluginContext fusedContext = new RecordingPluginContext(9, "interest");
        Map<String, Object> graphSection = new java.util.HashMap<>(plain);
        graphSection.put("engine", "graph");
        MlpFixtures.fit(graphSection, small, graphContext);
        MlpFixtures.fit(plain, small, fusedContext);
        for (int epoch = 0; epoch < 2; epoch++) {
            double[] graph = losses(graphContext.messages.get(epoch));
            double[] fused = losses(fusedContext.messages.get(epoch));
            assertThat(fused[0]).isCloseTo(graph[0], org.assertj.core.api.Assertions.within(0.01));
            assertThat(fused[1]).isCloseTo(graph[1], org.assertj.core.api.Assertions.within(0.05));
            assertThat(fused[2]).isCloseTo(graph[2], org.assertj.core.api.Assertions.within(0.01));
        }
        assertThat(losses(fusedContext.messages.get(1))[0]).isLessThan(losses(fusedContext.messages.get(0))[0]);
    }

    private static double[] losses(String progressLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("click loss (\\d\\.\\d+), rating mse (\\d+\\.\\d+), cold loss (\\d+\\.\\d+)")
                .matcher(progressLine);
        assertThat(m.find()).as(progressLine).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))};
    }

    private static MemoryArtifacts saved() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        BOTH.save(artifacts);
        return artifacts;
    }

    private static void load(MemoryArtifacts artifacts) {
        MlpFixtures.create(MlpFixtures.small(Map.of()), new RecordingPluginContext(1, "interest"))
                .load(artifacts, DATA.inputs);
    }

    private static UserProfile profile(int user) {
        return RankingEvaluation.profile(user, DATA.split.train(), DATA.inputs.userFeatures());
    }

    private static UserProfile newUser(int group) {
        return UserProfile.of(-1, new int[0], null, DATA.userFeaturesOfGroup(group));
    }

    private static dev.m6rec.api.interest.RatingPredictor constantRating(float value) {
        return (user, items, out) -> Arrays.fill(out, value);
    }
}
