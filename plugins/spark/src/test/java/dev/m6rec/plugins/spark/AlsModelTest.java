package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code als} trained on an embedded {@code local[2]} Spark, then scored, saved and loaded without it. */
class AlsModelTest {
    private static final AlsFactory FACTORY = new AlsFactory();
    private static final Map<String, Object> SMALL = Map.of("rank", 8, "iterations", 6, "regularization", 0.05,
            "blocks", 2);
    private static final UserProfile EMPTY = UserProfile.of(-1, new int[0], null, new float[0]);
    private static PlantedTastes data;
    private static InterestModel trained;

    @BeforeAll
    static void train() {
        TestSpark.session();
        data = PlantedTastes.generate(11);
        trained = fit(SMALL, 7, data.trainingData());
    }

    @Test
    void implicitFeedbackFindsThePlantedGroups() {
        assertThat(data.hitRateAt10(trained)).isGreaterThan(0.6);
        int inGroup = 0;
        int listed = 0;
        for (int u = 0; u < PlantedTastes.USERS; u += 5) {
            for (int item : top10Unseen(trained, data.profile(u))) {
                inGroup += PlantedTastes.groupOfItem(item) == PlantedTastes.groupOf(u) ? 1 : 0;
                listed++;
            }
        }
        // Popularity would place about a third of each list in the user's group.
        assertThat((double) inGroup / listed).isGreaterThan(0.8);
    }

    @Test
    void explicitFeedbackPredictsTheRatings() {
        InterestModel explicit = fit(Map.of("rank", 8, "iterations", 6, "feedback", "explicit",
                "regularization", 0.05, "blocks", 2), 7, data.trainingData());
        Interactions train = data.split.train();
        double mean = 0;
        for (int row = 0; row < train.size(); row++) {
            mean += train.rating(row) / train.size();
        }
        double model = 0;
        double baseline = 0;
        float[] predicted = new float[1];
        for (int row = 0; row < train.size(); row++) {
            explicit.score(data.profile(train.user(row)), new int[] {train.item(row)}, predicted);
            model += Math.pow(predicted[0] - train.rating(row), 2);
            baseline += Math.pow(mean - train.rating(row), 2);
        }
        assertThat(Math.sqrt(model / train.size())).isLessThan(0.5 * Math.sqrt(baseline / train.size()));
    }

    @Test
    void explicitFeedbackWithoutRatingsIsAConfigError() {
        Interactions train = data.split.train();
        Interactions unrated = new Interactions(train.numUsers(), train.numItems(), users(train), items(train), null,
                null);
        TrainingData unratedData = new TrainingData(new DataSplit(data.split.dataset(), unrated, unrated.empty(),
                unrated.empty()), data.inputs(), data.trainingData().validation());

        assertThatThrownBy(() -> fit(Map.of("feedback", "explicit"), 7, unratedData))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.feedback: explicit feedback predicts ratings, and the dataset has none; "
                        + "use implicit");
    }

    @Test
    void sameSeedSameFactors() {
        InterestModel again = fit(SMALL, 7, data.trainingData());

        for (int u : new int[] {0, 1, 77}) {
            assertThat(scores(again, data.profile(u))).containsExactly(scores(trained, data.profile(u)));
        }
    }

    @Test
    void checkpointsGoToTheDirectoryEveryInterval(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        fit(Map.of("rank", 4, "iterations", 2, "blocks", 2, "checkpoint-interval", 1,
                "checkpoint-dir", checkpoints.toString()), 3,
                data.trainingData());

        try (Stream<Path> files = Files.walk(checkpoints)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("rdd-"));
        }
    }

    @Test
    void unknownUserIsFoldedInFromHistoryAndAnEmptyProfileGetsPopularity() {
        UserProfile newcomer = UserProfile.of(-1, new int[] {20, 21, 22, 25}, null, new float[0]);
        assertThat(top10Unseen(trained, newcomer)).allMatch(item -> PlantedTastes.groupOfItem(item) == 1);

        float[] cold = scores(trained, EMPTY);
        float[] expected = AlsFactors.popularity(data.split.train().itemCounts());
        assertThat(cold).containsExactly(expected);
        assertThat(cold).contains(AlsFactors.POPULARITY_SCALE).doesNotContain(-0f);
        for (float s : cold) {
            assertThat(s).isBetween(0f, AlsFactors.POPULARITY_SCALE);
        }
    }

    @Test
    void scoreScoreAllAndBlocksAgreeBitForBit() {
        List<UserProfile> users = new ArrayList<>();
        for (int u = 0; u < PlantedTastes.USERS; u += 7) {
            users.add(data.profile(u));
        }
        users.add(UserProfile.of(-1, new int[] {3, 40}, null, new float[0]));
        users.add(EMPTY);
        float[] block = new float[users.size() * PlantedTastes.ITEMS];
        trained.scoreAll(users, block);

        int[] some = {59, 0, 31, 7};
        for (int u = 0; u < users.size(); u++) {
            float[] row = scores(trained, users.get(u));
            float[] gathered = new float[some.length];
            trained.score(users.get(u), some, gathered);
            assertThat(java.util.Arrays.copyOfRange(block, u * PlantedTastes.ITEMS, (u + 1) * PlantedTastes.ITEMS))
                    .containsExactly(row);
            assertThat(gathered).containsExactly(row[59], row[0], row[31], row[7]);
        }
    }

    @Test
    void saveAndLoadReproduceScoresAndEmbeddings() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        trained.save(artifacts);
        InterestModel loaded = Sections.create(FACTORY, "interest", SMALL, new RecordingPluginContext(99, "interest"));
        loaded.load(artifacts, data.inputs());

        for (UserProfile profile : List.of(data.profile(0), data.profile(149), EMPTY,
                UserProfile.of(-1, new int[] {1, 2, 3}, null, new float[0]))) {
            assertThat(scores(loaded, profile)).containsExactly(scores(trained, profile));
        }
        assertThat(loaded.itemEmbeddings().orElseThrow().data())
                .containsExactly(trained.itemEmbeddings().orElseThrow().data());
        assertThat(artifacts.files).containsOnlyKeys("header.i32", "user-factors.f32", "item-factors.f32",
                "trained-users.i32", "popularity.f32");
    }

    static InterestModel fit(Map<String, Object> section, long seed, TrainingData training) {
        InterestModel model = Sections.create(FACTORY, "interest", section, new RecordingPluginContext(seed, "interest"));
        model.fit(training);
        return model;
    }

    private static float[] scores(InterestModel model, UserProfile profile) {
        float[] out = new float[PlantedTastes.ITEMS];
        model.scoreAll(profile, out);
        return out;
    }

    private static List<Integer> top10Unseen(InterestModel model, UserProfile profile) {
        float[] s = scores(model, profile);
        for (int seen : profile.history()) {
            s[seen] = Float.NEGATIVE_INFINITY;
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            items.add(i);
        }
        items.sort((a, b) -> Float.compare(s[b], s[a]));
        return items.subList(0, 10);
    }

    private static int[] users(Interactions rows) {
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.user(r);
        }
        return out;
    }

    private static int[] items(Interactions rows) {
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.item(r);
        }
        return out;
    }
}
