package dev.m6rec.plugins.dl4j.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VaeModelTest {
    /** Taste groups over genres (see SyntheticData): 240 users, 160 items, about 24 items each. */
    private static final SyntheticData DATA = new SyntheticData(240, 160, 4, 24, 7);
    private static final RecordingPluginContext CONTEXT = new RecordingPluginContext(42, "interest");
    /** Fitted once for the tests that only read it. */
    private static final VaeModel VAE = fit(Map.of(), CONTEXT);

    /**
     * A small, fast configuration with every setting the assertions depend on spelled out (the
     * schema's defaults are sized for MovieLens); {@code overrides} replace or add keys.
     */
    static Map<String, Object> small(Map<String, Object> overrides) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("hidden", java.util.List.of(64));
        section.put("latent", 16);
        section.put("dropout", 0.5);
        section.put("anneal-cap", 0.2);
        section.put("total-anneal-steps", 200);
        section.put("epochs", 40);
        section.put("batch-size", 32);
        section.put("learning-rate", 0.003);
        section.put("early-stopping", Map.of("patience", 8));
        section.putAll(overrides);
        return section;
    }

    static VaeModel create(Map<String, Object> section, RecordingPluginContext context) {
        return (VaeModel) Sections.create(new VaeFactory(), "interest", section, context);
    }

    static VaeModel fit(Map<String, Object> overrides, RecordingPluginContext context) {
        VaeModel model = create(small(overrides), context);
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

    private static float[] scores(InterestModel model, UserProfile user) {
        float[] out = new float[DATA.numItems];
        model.scoreAll(user, out);
        return out;
    }

    @Test
    void beatsPopularityByAClearMargin() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(training());
        assertThat(testNdcg(VAE)).isGreaterThan(testNdcg(popularity) + 0.15);   // about 0.40 against 0.16
    }

    @Test
    void reportsLossesValidationAndSpeedEachEpoch() {
        assertThat(CONTEXT.messages).first().asString()
                .matches("epoch 1: nll \\d+\\.\\d{4}, kl \\d+\\.\\d{4}, beta 0\\.000, ndcg@10 0\\.\\d{4},"
                        + " [\\d,]+ users/s");
        assertThat(CONTEXT.messages).last().asString().startsWith("interest: kept epoch ");
    }

    @Test
    void saveThenLoadReproducesScoresBitForBit() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        VAE.save(artifacts);
        assertThat(artifacts.files).containsOnlyKeys("vae-shape.i64", "network.json", "params.f32");
        VaeModel loaded = create(small(Map.of()), new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : new UserProfile[] {profile(0), profile(17), newUser(new int[] {3, 5}),
                newUser(new int[0])}) {
            assertThat(scores(loaded, user)).containsExactly(scores(VAE, user));
        }
        assertThat(loaded.itemEmbeddings().orElseThrow().data())
                .containsExactly(VAE.itemEmbeddings().orElseThrow().data());
    }

    @Test
    void damagedArtifactsFailWithClearMessages() {
        MemoryArtifacts otherItems = saved();
        otherItems.files.put("vae-shape.i64", longs(1, 170, 5));
        assertThatThrownBy(() -> load(otherItems)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/vae-shape.i64: trained for 170 items, the inputs have 160");

        MemoryArtifacts otherNetwork = saved();
        VaeModel wider = create(small(Map.of("latent", 17)), new RecordingPluginContext(1, "interest"));
        assertThatThrownBy(() -> wider.load(otherNetwork, DATA.inputs)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/network.json: the stored network differs from the one the configuration"
                        + " describes (was the artifact written with other settings or edited?)");

        MemoryArtifacts truncated = saved();
        byte[] params = truncated.files.get("params.f32");
        truncated.files.put("params.f32", Arrays.copyOf(params, params.length - 4));
        assertThatThrownBy(() -> load(truncated)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/params.f32: truncated");
    }

    @Test
    void aNewUserIsScoredFromAHistoryAloneWithoutRetraining() {
        for (int genre = 0; genre < DATA.groups; genre++) {
            // Five items of one genre, as a newcomer's first clicks.
            int[] history = new int[5];
            for (int item = 0, n = 0; n < history.length; item++) {
                if (DATA.itemGenre[item] == genre) {
                    history[n++] = item;
                }
            }
            float[] scores = scores(VAE, newUser(history));
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
            // The index plays no part: a known user with this history scores the same.
            assertThat(scores(VAE, UserProfile.of(3, history, null, new float[0]))).containsExactly(scores);
        }
    }

    @Test
    void aFreshEventMovesTheScoresAtOnce() {
        UserProfile before = profile(5);
        int[] history = Arrays.copyOf(before.history(), before.history().length + 1);
        history[history.length - 1] = otherGenreItem(5);
        float[] withEvent = scores(VAE, UserProfile.of(5, history, null, before.features()));
        assertThat(withEvent).isNotEqualTo(scores(VAE, before));
    }

    @Test
    void anEmptyHistoryRanksLikePopularity() {
        float[] prior = scores(VAE, newUser(new int[0]));
        int[] counts = DATA.split.train().itemCounts();
        float[] popularity = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
        ScoredItems popular = ScoredItems.topK(popularity, 20, null);
        ScoredItems top = ScoredItems.topK(prior, 10, null);
        int shared = 0;
        for (int r = 0; r < top.size(); r++) {
            for (int k = 0; k < popular.size(); k++) {
                shared += popular.item(k) == top.item(r) ? 1 : 0;
            }
        }
        assertThat(shared).isGreaterThanOrEqualTo(8);
        // A history of items the model does not know is an empty history.
        assertThat(scores(VAE, newUser(new int[] {DATA.numItems, DATA.numItems + 3}))).containsExactly(prior);
    }

    @Test
    void itemEmbeddingsPutSameGenreItemsClose() {
        FeatureMatrix vectors = VAE.itemEmbeddings().orElseThrow();
        assertThat(vectors.rows()).isEqualTo(DATA.numItems);
        assertThat(vectors.columns()).isEqualTo(64);
        int[] counts = DATA.split.train().itemCounts();
        int agree = 0;
        int checked = 0;
        for (int i = 0; i < DATA.numItems; i++) {
            if (counts[i] < 5) {
                continue;
            }
            int nearest = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < DATA.numItems; j++) {
                if (j != i && counts[j] >= 5) {
                    double cosine = cosine(vectors.row(i), vectors.row(j));
                    if (cosine > best) {
                        best = cosine;
                        nearest = j;
                    }
                }
            }
            agree += DATA.itemGenre[nearest] == DATA.itemGenre[i] ? 1 : 0;
            checked++;
        }
        // Chance is about a quarter (four genres).
        assertThat((double) agree / checked).isGreaterThan(0.6);
    }

    @Test
    void sameSeedSameModel() {
        Map<String, Object> quick = Map.of("epochs", 2);
        VaeModel first = fit(quick, new RecordingPluginContext(5, "interest"));
        VaeModel second = fit(quick, new RecordingPluginContext(5, "interest"));
        assertThat(scores(second, profile(8))).containsExactly(scores(first, profile(8)));
    }

    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        ConcurrentScoring.assertMatchesSequential(VAE, VaeModelTest::profile, 40, DATA.numItems);
    }

    @Test
    void dl4jGraphEngineTrainsTheSameNetworkToTheSameLosses() {
        // Without dropout both engines start from the same parameters and see the same users and the
        // same noise, so they take the same Adam steps; one batch per epoch makes the losses comparable.
        Map<String, Object> plain = Map.of("epochs", 3, "dropout", 0.0, "batch-size", 240, "total-anneal-steps", 0,
                "early-stopping", Map.of("patience", 0));
        RecordingPluginContext fused = new RecordingPluginContext(9, "interest");
        RecordingPluginContext graph = new RecordingPluginContext(9, "interest");
        fit(plain, fused);
        Map<String, Object> graphSection = new LinkedHashMap<>(plain);
        graphSection.put("engine", "graph");
        fit(graphSection, graph);
        Pattern fusedLine = Pattern.compile("epoch (\\d): nll ([\\d.]+), kl ([\\d.]+), beta 0\\.200, .*");
        Pattern graphLine = Pattern.compile("epoch (\\d): loss ([\\d.]+), beta 0\\.200, .*");
        for (int epoch = 0; epoch < 3; epoch++) {
            Matcher f = fusedLine.matcher(fused.messages.get(epoch));
            Matcher g = graphLine.matcher(graph.messages.get(epoch));
            assertThat(f.matches()).as(fused.messages.get(epoch)).isTrue();
            assertThat(g.matches()).as(graph.messages.get(epoch)).isTrue();
            double fusedLoss = Double.parseDouble(f.group(2)) + 0.2 * Double.parseDouble(f.group(3));
            assertThat(Double.parseDouble(g.group(2))).as("epoch %d", epoch + 1).isCloseTo(fusedLoss,
                    within(1e-3 * fusedLoss));
        }
    }

    private static UserProfile newUser(int[] history) {
        return UserProfile.of(-1, history, null, new float[DATA.inputs.userFeatures().columns()]);
    }

    private static int otherGenreItem(int user) {
        int preferred = DATA.preferredGenre(DATA.userGroup[user]);
        for (int item = 0; item < DATA.numItems; item++) {
            if (DATA.itemGenre[item] != preferred) {
                return item;
            }
        }
        throw new IllegalStateException();
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

    private static MemoryArtifacts saved() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        VAE.save(artifacts);
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
