package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.testing.MemoryArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BprModelTest {
    private static final BprFactory FACTORY = new BprFactory();
    private static final Map<String, Object> SMALL = Map.of("factors", 16, "epochs", 40);
    private static SyntheticTastes data;
    private static InterestModel trained;

    @BeforeAll
    static void train() {
        data = SyntheticTastes.generate(31);
        trained = fit(SMALL, 7);
    }

    @Test
    void defaults() {
        BprSettings settings = Sections.bind(FACTORY, "interest", Map.of());

        assertThat(settings.factors()).isEqualTo(64);
        assertThat(settings.epochs()).isEqualTo(30);
        assertThat(settings.learningRate()).isEqualTo(0.05f);
        assertThat(settings.regularization()).isEqualTo(0.01f);
        assertThat(settings.negatives()).isEqualTo(1);
        assertThat(settings.initStd()).isEqualTo(0.1f);
        assertThat(settings.itemBias()).isTrue();
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("factors", 0)))
                .containsExactly("interest.factors: must be >= 1 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("epochs", 0, "negatives", -1)))
                .containsExactlyInAnyOrder("interest.epochs: must be >= 1 (was 0)",
                        "interest.negatives: must be >= 1 (was -1)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("learning-rate", 0)))
                .containsExactly("interest.learning-rate: must be > 0 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("regularization", -0.1)))
                .containsExactly("interest.regularization: must be >= 0 (was -0.1)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("factors", "many")))
                .containsExactly("interest.factors: expected an integer (was 'many')");
    }

    @Test
    void beatsPopularity() {
        InterestModel popularity = Sections.create(new PopularityFactory(), "interest", Map.of(),
                new RecordingPluginContext(1, "interest"));
        popularity.fit(data.trainingData(Optional.empty()));

        RankingQuality bpr = RankingQuality.of(trained, data);
        RankingQuality pop = RankingQuality.of(popularity, data);

        assertThat(bpr.ndcg()).isGreaterThan(pop.ndcg() + 0.08);
        assertThat(bpr.hitRate()).isGreaterThan(pop.hitRate() + 0.15);
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Map<String, Object> quick = Map.of("factors", 8, "epochs", 3);
        float[] first = scores(fit(quick, 3), data.profile(4));
        float[] again = scores(fit(quick, 3), data.profile(4));
        float[] other = scores(fit(quick, 4), data.profile(4));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void reportsEveryEpoch() {
        RecordingPluginContext context = new RecordingPluginContext(1, "interest");
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("factors", 4, "epochs", 5), context);
        model.fit(data.trainingData(Optional.empty()));

        assertThat(context.advances).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(context.messages).hasSize(5);
        assertThat(context.messages.get(4)).startsWith("epoch 5/5: bpr loss ");
    }

    @Test
    void exposesItemEmbeddings() {
        FeatureMatrix embeddings = trained.itemEmbeddings().orElseThrow();

        assertThat(embeddings.rows()).isEqualTo(data.numItems);
        assertThat(embeddings.columns()).isEqualTo(16);
        assertThat(embeddings.columnNames()).startsWith("bpr-0", "bpr-1");
        // Items of one genre end up closer to each other than to other genres.
        assertThat(cosine(embeddings, 0, 1)).isGreaterThan(cosine(embeddings, 0, 31));
    }

    @Test
    void unknownUserIsFoldedInFromHistory() {
        int[] genre1 = {30, 31, 32, 33, 35};
        float[] scores = scores(trained, UserProfile.of(-1, genre1, null, new float[0]));

        ScoredItems top = ScoredItems.topK(scores, 10, seen(genre1));
        int inGenre = 0;
        for (int r = 0; r < top.size(); r++) {
            inGenre += data.genreOf(top.item(r)) == 1 ? 1 : 0;
        }
        assertThat(inGenre).isGreaterThanOrEqualTo(8);
    }

    @Test
    void knownUserWithoutTrainingInteractionsIsFoldedInToo() {
        SyntheticTastes withoutUser0 = data.withoutTrainingOf(0);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("factors", 8, "epochs", 5),
                new RecordingPluginContext(5, "interest"));
        model.fit(withoutUser0.trainingData(Optional.empty()));
        int[] history = data.profile(0).history();

        float[] asKnown = scores(model, UserProfile.of(0, history, null, new float[0]));
        float[] asUnknown = scores(model, UserProfile.of(-1, history, null, new float[0]));
        float[] trainedUser = scores(model, UserProfile.of(3, history, null, new float[0]));

        assertThat(asKnown).containsExactly(asUnknown);
        assertThat(trainedUser).isNotEqualTo(asUnknown);
    }

    @Test
    void emptyUnknownProfileGetsPopularityFallback() {
        float[] scores = scores(trained, UserProfile.of(-1, new int[0], null, new float[0]));
        float[] expected = new float[data.numItems];
        ColdStartScores.fromTraining(data.split.train()).scoreAll(expected);

        assertThat(scores).containsExactly(expected);
    }

    @Test
    void userIndexBeyondTheTrainedUsersIsABug() {
        assertThatThrownBy(() -> scores(trained, UserProfile.of(data.numUsers, new int[0], null, new float[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user index 240 outside the 240 users the model was fitted on");
    }

    @Test
    void scoreMatchesScoreAllBitForBit() {
        for (UserProfile profile : new UserProfile[] {data.profile(2), UserProfile.of(-1, new int[] {5, 70}, null,
                new float[0])}) {
            float[] all = scores(trained, profile);
            int[] items = {89, 0, 44, 13};
            float[] some = new float[items.length];
            trained.score(profile, items, some);

            assertThat(some).containsExactly(all[89], all[0], all[44], all[13]);
        }
    }

    @Test
    void blockScoringIsOneGemmWithinFloatRoundingOfTheSingleUserForm() {
        List<UserProfile> users = new ArrayList<>();
        for (int u = 0; u < data.numUsers; u += 3) {
            users.add(data.profile(u));
        }
        users.add(UserProfile.of(-1, new int[] {5, 70}, null, new float[0]));
        users.add(UserProfile.of(-1, new int[0], null, new float[0]));
        users.add(data.profile(1));

        double largest = BlockScoring.assertMatchesSingleUser(trained, users, data.numItems, 1e-5f);

        // The GEMM really ran (a copy of the single-user loop would match bit for bit).
        assertThat(largest).isGreaterThan(0);
    }

    @Test
    void blockScoringKeepsColdStartRowsExact() {
        UserProfile empty = UserProfile.of(-1, new int[0], null, new float[0]);
        float[] block = new float[2 * data.numItems];
        trained.scoreAll(List.of(empty, data.profile(4)), block);

        assertThat(Arrays.copyOf(block, data.numItems)).containsExactly(scores(trained, empty));
    }

    @Test
    void saveAndLoadReproduceScores() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        trained.save(artifacts);
        InterestModel loaded = Sections.create(FACTORY, "interest", SMALL, new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, data.inputs(Optional.empty()));

        for (UserProfile profile : new UserProfile[] {data.profile(0), data.profile(239),
                UserProfile.of(-1, new int[] {1, 2, 3}, null, new float[0]),
                UserProfile.of(-1, new int[0], null, new float[0])}) {
            assertThat(scores(loaded, profile)).containsExactly(scores(trained, profile));
        }
        assertThat(loaded.itemEmbeddings().orElseThrow().data())
                .containsExactly(trained.itemEmbeddings().orElseThrow().data());
    }

    private static InterestModel fit(Map<String, Object> section, long seed) {
        InterestModel model = Sections.create(FACTORY, "interest", section, new RecordingPluginContext(seed, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        return model;
    }

    private static float[] scores(InterestModel model, UserProfile profile) {
        float[] out = new float[data.numItems];
        model.scoreAll(profile, out);
        return out;
    }

    private static boolean[] seen(int[] items) {
        boolean[] seen = new boolean[data.numItems];
        for (int i : items) {
            seen[i] = true;
        }
        return seen;
    }

    private static double cosine(FeatureMatrix m, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < m.columns(); c++) {
            dot += m.get(a, c) * m.get(b, c);
            na += m.get(a, c) * m.get(a, c);
            nb += m.get(b, c) * m.get(b, c);
        }
        return dot / Math.sqrt(na * nb);
    }
}
