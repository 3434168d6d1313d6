package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.testing.MemoryArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PopularityModelTest {
    private static final PopularityFactory FACTORY = new PopularityFactory();
    private static final long DAY = 86_400L;

    @Test
    void defaults() {
        PopularityFactory.Settings settings = Sections.bind(FACTORY, "interest", Map.of());

        assertThat(settings.decay()).isEqualTo(0.0);
        assertThat(settings.weightByRating()).isFalse();
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("decay", -1)))
                .containsExactly("interest.decay: must be >= 0 (was -1)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("weight-by-rating", "maybe")))
                .containsExactly("interest.weight-by-rating: expected true or false (was 'maybe')");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("decays", 3)))
                .containsExactly("interest.decays: unknown key; did you mean 'decay'?");
    }

    @Test
    void scoresAreTrainingCountsForEveryUser() {
        InterestModel model = create(Map.of());
        model.fit(tiny(new int[][] {{0, 1, 5, 0}, {1, 1, 1, 0}, {1, 2, 1, 0}, {2, 1, 1, 0}}, true));

        float[] known = new float[3];
        model.scoreAll(profile(0, 0), known);
        float[] unknown = new float[3];
        model.scoreAll(UserProfile.of(-1, new int[0], null, new float[0]), unknown);

        assertThat(known).containsExactly(0f, 3f, 1f);
        assertThat(unknown).containsExactly(known);
    }

    @Test
    void trainsOnTheTrainingSplitOnly() {
        Interactions train = rows(new int[][] {{0, 0, 1, 0}}, false);
        Interactions test = rows(new int[][] {{1, 2, 1, 0}, {2, 2, 1, 0}}, false);
        InterestModel model = create(Map.of());
        model.fit(data(train, test));

        float[] scores = new float[3];
        model.scoreAll(profile(1), scores);

        assertThat(scores).containsExactly(1f, 0f, 0f);
    }

    @Test
    void weightByRatingSumsRatings() {
        InterestModel model = create(Map.of("weight-by-rating", true));
        model.fit(tiny(new int[][] {{0, 0, 5, 0}, {1, 1, 2, 0}, {2, 1, 2, 0}}, true));

        float[] scores = new float[3];
        model.score(profile(0), new int[] {1, 0, 2}, scores);

        assertThat(scores).containsExactly(4f, 5f, 0f);
    }

    @Test
    void decayHalvesTheWeightOfAnInteractionOneHalfLifeOlder() {
        InterestModel model = create(Map.of("decay", 10));
        // item 0: two interactions 10 days old; item 1: one interaction at the newest timestamp
        model.fit(tiny(new int[][] {{0, 0, 1, 0}, {1, 0, 1, 0}, {2, 1, 1, (int) (10 * DAY)},
                {2, 2, 1, (int) (5 * DAY)}}, true));

        float[] scores = new float[3];
        model.scoreAll(profile(0), scores);

        assertThat(scores[0]).isEqualTo(1f);
        assertThat(scores[1]).isEqualTo(1f);
        assertThat(scores[2]).isCloseTo((float) Math.sqrt(0.5), offset(1e-6f));
    }

    @Test
    void decayWithoutTimestampsIsAConfigError() {
        InterestModel model = create(Map.of("decay", 7));

        assertThatThrownBy(() -> model.fit(tiny(new int[][] {{0, 0, 1, 0}}, false)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.decay: needs interaction timestamps, but the training data has none");
    }

    @Test
    void beatsRandomOnTasteGroups() {
        SyntheticTastes data = SyntheticTastes.generate(11);
        InterestModel model = create(Map.of());
        model.fit(data.trainingData(Optional.empty()));

        RankingQuality popularity = RankingQuality.of(model, data);
        RankingQuality random = RankingQuality.random(data, 11);

        assertThat(popularity.ndcg()).isGreaterThan(random.ndcg() + 0.05);
        assertThat(popularity.hitRate()).isGreaterThan(random.hitRate() + 0.1);
    }

    @Test
    void saveAndLoadReproduceScores() {
        SyntheticTastes data = SyntheticTastes.generate(12);
        InterestModel model = create(Map.of("decay", 1, "weight-by-rating", true));
        model.fit(data.trainingData(Optional.empty()));
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        model.save(artifacts);

        InterestModel loaded = create(Map.of("decay", 1, "weight-by-rating", true));
        loaded.load(artifacts, data.inputs(Optional.empty()));

        float[] before = new float[data.numItems];
        float[] after = new float[data.numItems];
        model.scoreAll(data.profile(3), before);
        loaded.scoreAll(data.profile(3), after);
        assertThat(after).containsExactly(before);
        assertThat(before).isNotEqualTo(new float[data.numItems]);
    }

    private static InterestModel create(Map<String, Object> section) {
        return Sections.create(FACTORY, "interest", section, new RecordingPluginContext(1, "interest"));
    }

    private static UserProfile profile(int user, int... history) {
        return UserProfile.of(user, history, null, new float[0]);
    }

    /** Rows of {user, item, rating, timestamp} over 3 users and 3 items, all in training. */
    static TrainingData tiny(int[][] rows, boolean timestamps) {
        Interactions train = rows(rows, timestamps);
        return data(train, train.empty());
    }

    private static Interactions rows(int[][] rows, boolean timestamps) {
        Interactions.Builder b = Interactions.builder(3, 3, true, timestamps);
        for (int[] r : rows) {
            b.add(r[0], r[1], r[2], r[3]);
        }
        return b.build();
    }

    private static TrainingData data(Interactions train, Interactions test) {
        Interactions all = Interactions.builder(3, 3, true, train.hasTimestamps()).build();
        Dataset dataset = new Dataset("tiny", IdIndex.range("u", 3), IdIndex.range("i", 3), all,
                AttributeTable.empty(3), AttributeTable.empty(3), Map.of());
        ModelInputs inputs = new ModelInputs(3, 3, FeatureMatrix.empty(3), FeatureMatrix.empty(3), Optional.empty());
        return new TrainingData(new DataSplit(dataset, train, train.empty(), test), inputs,
                SyntheticTastes.NO_VALIDATION);
    }
}
