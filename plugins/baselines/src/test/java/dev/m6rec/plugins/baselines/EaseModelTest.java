package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.testing.MemoryArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EaseModelTest {
    private static final EaseFactory FACTORY = new EaseFactory();

    @Test
    void defaults() {
        EaseFactory.Settings settings = Sections.bind(FACTORY, "interest", Map.of());

        assertThat(settings.lambda()).isEqualTo(500.0);
        assertThat(settings.maxItems()).isEqualTo(20_000);
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("lambda", 0)))
                .containsExactly("interest.lambda: must be > 0 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("max-items", 0)))
                .containsExactly("interest.max-items: must be >= 1 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("max-items", 50_000)))
                .containsExactly("interest.max-items: must be <= 46340 (was 50000)");
    }

    /**
     * Five users over four items, lambda 2: B computed here from the textbook formula with a
     * dense Gauss-Jordan inverse, compared entry by entry through single-item histories.
     */
    @Test
    void matchesTheClosedFormOnATinyExample() {
        int[][] x = {
            {1, 1, 0, 0},
            {1, 1, 1, 0},
            {0, 1, 1, 0},
            {0, 0, 1, 1},
            {1, 0, 0, 1},
        };
        double lambda = 2;
        int n = 4;
        double[][] g = new double[n][n];
        for (int[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        double[][] p = LapackInverseTest.gaussJordanInverse(g);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
            }
        }

        Interactions.Builder train = Interactions.builder(x.length, n, false, false);
        for (int u = 0; u < x.length; u++) {
            for (int i = 0; i < n; i++) {
                if (x[u][i] == 1) {
                    train.add(u, i, 1f, 0L);
                    if (u == 1) {
                        train.add(u, i, 1f, 0L); // a repeat must not count twice
                    }
                }
            }
        }
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", lambda), new RecordingPluginContext(1, "interest"));
        model.fit(trainingData(train.build()));

        for (int h = 0; h < n; h++) {
            float[] scores = new float[n];
            model.scoreAll(UserProfile.of(-1, new int[] {h}, null, new float[0]), scores);
            for (int j = 0; j < n; j++) {
                assertThat((double) scores[j]).as("B[%d][%d]", h, j).isCloseTo(b[h][j], offset(1e-4));
            }
        }
        // A user's scores are x_u B with x_u binary: repeats in the history count once.
        float[] scores = new float[n];
        model.scoreAll(UserProfile.of(1, new int[] {0, 2, 0}, null, new float[0]), scores);
        for (int j = 0; j < n; j++) {
            assertThat((double) scores[j]).isCloseTo(b[0][j] + b[2][j], offset(1e-4));
        }
    }

    @Test
    void reportsEachPhaseAndTheGramMatrixRows() {
        SyntheticTastes data = SyntheticTastes.generate(41);
        RecordingPluginContext context = new RecordingPluginContext(1, "interest");
        InterestModel ease = Sections.create(FACTORY, "interest", Map.of("lambda", 10), context);
        ease.fit(data.trainingData(Optional.empty()));

        int items = data.trainingData(Optional.empty()).inputs().numItems();
        assertThat(context.messages).containsExactly("item Gram matrix (" + items + " items)",
                "inverting the regularised Gram matrix", "item weights");
        // The phases' three steps, and the Gram matrix's rows counted chunk by chunk.
        assertThat(context.advances.stream().mapToLong(Long::longValue).sum()).isEqualTo(3L + items);
        assertThat(context.advances).hasSizeGreaterThan(3 + 1);
    }

    @Test
    void beatsPopularity() {
        SyntheticTastes data = SyntheticTastes.generate(41);
        InterestModel ease = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        ease.fit(data.trainingData(Optional.empty()));
        InterestModel popularity = Sections.create(new PopularityFactory(), "interest", Map.of(),
                new RecordingPluginContext(1, "interest"));
        popularity.fit(data.trainingData(Optional.empty()));

        RankingQuality easeQuality = RankingQuality.of(ease, data);
        RankingQuality popularityQuality = RankingQuality.of(popularity, data);

        assertThat(easeQuality.ndcg()).isGreaterThan(popularityQuality.ndcg() + 0.08);
        assertThat(easeQuality.hitRate()).isGreaterThan(popularityQuality.hitRate() + 0.15);
    }

    @Test
    void refusesMoreItemsThanMaxItems() {
        SyntheticTastes data = SyntheticTastes.generate(42);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("max-items", 50), new RecordingPluginContext(1, "interest"));

        assertThatThrownBy(() -> model.fit(data.trainingData(Optional.empty())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.max-items: the training data has 90 items, more than 50; EASE holds dense "
                        + "item x item matrices (about 0.1 MB of heap here): raise max-items only with the heap for "
                        + "it, or use item-knn or bpr");
    }

    @Test
    void aLambdaTooSmallForTheGramMatrixIsAConfigError() {
        // One user with both items: X^T X = [[1, 1], [1, 1]] is singular and 1e-300 does not fix it.
        Interactions.Builder train = Interactions.builder(1, 2, false, false);
        train.add(0, 0, 1f, 0L).add(0, 1, 1f, 0L);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 1e-300), new RecordingPluginContext(1, "interest"));

        assertThatThrownBy(() -> model.fit(trainingData(train.build())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.lambda: too small to make the item Gram matrix invertible "
                        + "(was 1.0E-300; the matrix is not positive definite (leading minor 2 of 2)); raise it");
    }

    @Test
    void unknownUserScoresLikeAKnownUserWithTheSameHistory() {
        SyntheticTastes data = SyntheticTastes.generate(43);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        UserProfile known = data.profile(8);

        float[] knownScores = new float[data.numItems];
        float[] unknownScores = new float[data.numItems];
        model.scoreAll(known, knownScores);
        model.scoreAll(UserProfile.of(-1, known.history(), null, new float[0]), unknownScores);
        float[] empty = new float[data.numItems];
        model.scoreAll(UserProfile.of(-1, new int[0], null, new float[0]), empty);
        float[] fallback = new float[data.numItems];
        ColdStartScores.fromTraining(data.split.train()).scoreAll(fallback);

        assertThat(unknownScores).containsExactly(knownScores);
        assertThat(empty).containsExactly(fallback);
    }

    @Test
    void aDenseBlockIsOneGemmWithinFloatRoundingOfTheSingleUserForm() {
        SyntheticTastes data = SyntheticTastes.generate(45);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        List<UserProfile> users = new ArrayList<>();
        for (int u = 0; u < data.numUsers; u += 2) {
            users.add(data.profile(u));
        }
        users.add(UserProfile.of(-1, new int[0], null, new float[0]));
        users.add(UserProfile.of(-1, new int[] {7, 7, 30}, null, new float[0]));

        double largest = BlockScoring.assertMatchesSingleUser(model, users, data.numItems, 1e-5f);

        // Above GEMM_DENSITY the GEMM ran: the row sums would have matched bit for bit.
        assertThat(largest).isGreaterThan(0);
    }

    @Test
    void aSparseBlockKeepsTheRowSumsAndTheirExactScores() {
        SyntheticTastes data = SyntheticTastes.generate(46);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        // One item per history: 1 of 90 items, below GEMM_DENSITY.
        List<UserProfile> users = List.of(UserProfile.of(3, new int[] {5}, null, new float[0]),
                UserProfile.of(-1, new int[] {60}, null, new float[0]), UserProfile.of(-1, new int[0], null, new float[0]));

        assertThat(BlockScoring.assertMatchesSingleUser(model, users, data.numItems, 0f)).isZero();
    }

    @Test
    void saveAndLoadReproduceScores() {
        SyntheticTastes data = SyntheticTastes.generate(44);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        model.save(artifacts);
        InterestModel loaded = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        loaded.load(artifacts, data.inputs(Optional.empty()));

        for (UserProfile profile : new UserProfile[] {data.profile(0), data.profile(77),
                UserProfile.of(-1, new int[] {4, 50, 4}, null, new float[0])}) {
            float[] before = new float[data.numItems];
            float[] after = new float[data.numItems];
            model.scoreAll(profile, before);
            loaded.scoreAll(profile, after);
            assertThat(after).containsExactly(before);
            int[] items = {3, 88, 41};
            float[] some = new float[3];
            loaded.score(profile, items, some);
            assertThat(some).containsExactly(before[3], before[88], before[41]);
        }
    }

    @Test
    void oneThreadAndThreeThreadsGiveTheSameWeights() {
        SyntheticTastes data = SyntheticTastes.generate(47);
        MemoryArtifacts one = new MemoryArtifacts("memory/interest");
        MemoryArtifacts three = new MemoryArtifacts("memory/interest");
        for (int threads : new int[] {1, 3}) {
            InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10),
                    new RecordingPluginContext(1, "interest", threads, Path.of(".")));
            model.fit(data.trainingData(Optional.empty()));
            model.save(threads == 1 ? one : three);
        }

        assertThat(three.files.keySet()).isEqualTo(one.files.keySet());
        for (String name : one.files.keySet()) {
            assertThat(three.files.get(name)).as(name).isEqualTo(one.files.get(name));
        }
    }

    @Test
    void largeWeightMatricesAreSavedInRowChunks() {
        SyntheticTastes data = SyntheticTastes.generate(46);
        // 1000 values per file: 11 rows of 90 items per file, so 9 files.
        InterestModel model = new EaseModel(10, 20_000, new RecordingPluginContext(1, "interest"), 1000);
        model.fit(data.trainingData(Optional.empty()));
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        model.save(artifacts);
        InterestModel loaded = new EaseModel(10, 20_000, new RecordingPluginContext(1, "interest"), 1000);
        loaded.load(artifacts, data.inputs(Optional.empty()));

        assertThat(artifacts.files.keySet()).filteredOn(name -> name.startsWith("weights-"))
                .containsExactly("weights-000.f32", "weights-001.f32", "weights-002.f32", "weights-003.f32",
                        "weights-004.f32", "weights-005.f32", "weights-006.f32", "weights-007.f32", "weights-008.f32");
        UserProfile profile = data.profile(12);
        float[] before = new float[data.numItems];
        float[] after = new float[data.numItems];
        model.scoreAll(profile, before);
        loaded.scoreAll(profile, after);
        assertThat(after).containsExactly(before);
    }

    @Test
    void loadRefusesAModelOfAnotherItemSpace() {
        SyntheticTastes data = SyntheticTastes.generate(45);
        InterestModel model = Sections.create(FACTORY, "interest", Map.of("lambda", 10), new RecordingPluginContext(1, "interest"));
        model.fit(data.trainingData(Optional.empty()));
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        model.save(artifacts);
        ModelInputs otherItems = new ModelInputs(data.numUsers, 91, FeatureMatrix.empty(data.numUsers),
                FeatureMatrix.empty(91), Optional.empty());

        assertThatThrownBy(() -> Sections.create(FACTORY, "interest", Map.of(), new RecordingPluginContext(1, "interest"))
                .load(artifacts, otherItems))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/header.i32: the model was fitted on 90 items but the run has 91");
        assertThatThrownBy(() -> Sections.create(new PopularityFactory(), "interest", Map.of(),
                new RecordingPluginContext(1, "interest")).load(artifacts, data.inputs(Optional.empty())))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/header.i32: not a popularity model");
    }

    private static TrainingData trainingData(Interactions train) {
        int users = train.numUsers();
        int items = train.numItems();
        Dataset dataset = new Dataset("tiny", IdIndex.range("u", users), IdIndex.range("i", items), train,
                AttributeTable.empty(users), AttributeTable.empty(items), Map.of());
        ModelInputs inputs = new ModelInputs(users, items, FeatureMatrix.empty(users), FeatureMatrix.empty(items),
                Optional.empty());
        return new TrainingData(new DataSplit(dataset, train, train.empty(), train.empty()), inputs,
                SyntheticTastes.NO_VALIDATION);
    }
}
