package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.testing.MemoryArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ItemKnnModelTest {
    private static final ItemKnnFactory FACTORY = new ItemKnnFactory();
    private static SyntheticTastes data;
    private static BruteForceCosine cosine;

    @BeforeAll
    static void generate() {
        data = SyntheticTastes.generate(21);
        cosine = BruteForceCosine.fittedOn(data);
    }

    @Test
    void defaults() {
        ItemKnnFactory.Settings settings = Sections.bind(FACTORY, "interest", Map.of());

        assertThat(settings.neighbours()).isEqualTo(50);
        assertThat(settings.weightByRating()).isFalse();
        assertThat(settings.recencyHalfLife()).isEqualTo(0.0);
        assertThat(settings.normalise()).isFalse();
        assertThat(FACTORY.requiresSimilarity()).isTrue();
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("neighbours", 0)))
                .containsExactly("interest.neighbours: must be >= 1 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("recency-half-life", -2.5)))
                .containsExactly("interest.recency-half-life: must be >= 0 (was -2.5)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("neighbors", 10)))
                .containsExactly("interest.neighbors: unknown key; did you mean 'neighbours'?");
    }

    @Test
    void withoutASimilarityModelFitAndLoadFail() {
        InterestModel model = create(Map.of());

        assertThatThrownBy(() -> model.fit(data.trainingData(Optional.empty())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.type: item-knn needs a similarity section");
        assertThatThrownBy(() -> model.load(new MemoryArtifacts("memory/interest"), data.inputs(Optional.empty())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.type: item-knn needs a similarity section");
    }

    @Test
    void scoreIsTheSumOfNeighbourSimilaritiesOfTheHistory() {
        InterestModel model = fitted(Map.of("neighbours", 5));
        int[] history = {3, 40, 3};

        float[] scores = new float[data.numItems];
        model.scoreAll(UserProfile.of(7, history, null, new float[0]), scores);

        float[] expected = new float[data.numItems];
        for (int h : history) {
            ScoredItems near = cosine.neighbours(h, 5);
            for (int r = 0; r < near.size(); r++) {
                expected[near.item(r)] += near.score(r);
            }
        }
        for (int j = 0; j < data.numItems; j++) {
            assertThat(scores[j]).as("item %d", j).isCloseTo(expected[j], offset(1e-6f));
        }
    }

    @Test
    void beatsPopularity() {
        InterestModel knn = fitted(Map.of("neighbours", 20));
        InterestModel popularity = Sections.create(new PopularityFactory(), "interest", Map.of(),
                new RecordingPluginContext(1, "interest"));
        popularity.fit(data.trainingData(Optional.empty()));

        RankingQuality knnQuality = RankingQuality.of(knn, data);
        RankingQuality popularityQuality = RankingQuality.of(popularity, data);

        assertThat(knnQuality.ndcg()).isGreaterThan(popularityQuality.ndcg() + 0.08);
        assertThat(knnQuality.hitRate()).isGreaterThan(popularityQuality.hitRate() + 0.15);
    }

    @Test
    void neighbourListsAreFetchedOnceAtFit() {
        BruteForceCosine counting = BruteForceCosine.fittedOn(data);
        InterestModel model = create(Map.of());
        model.fit(data.trainingData(Optional.of(counting)));
        int afterFit = counting.neighbourCalls.get();

        RankingQuality.of(model, data);

        assertThat(afterFit).isEqualTo(data.numItems);
        assertThat(counting.neighbourCalls.get()).isEqualTo(afterFit);
    }

    @Test
    void unknownUserWithAHistoryScoresLikeAKnownOne() {
        InterestModel model = fitted(Map.of("recency-half-life", 3, "weight-by-rating", true));
        UserProfile known = data.profile(5);
        UserProfile unknown = UserProfile.of(-1, known.history(), known.historyRatings(), new float[0]);

        float[] knownScores = new float[data.numItems];
        float[] unknownScores = new float[data.numItems];
        model.scoreAll(known, knownScores);
        model.scoreAll(unknown, unknownScores);

        assertThat(unknownScores).containsExactly(knownScores);
        assertThat(topGenre(unknownScores)).isEqualTo(data.groupOf(5));
    }

    @Test
    void emptyHistoryFallsBackToSmallPopularityScores() {
        InterestModel model = fitted(Map.of());
        float[] scores = new float[data.numItems];
        model.scoreAll(UserProfile.of(-1, new int[0], null, new float[0]), scores);

        int[] counts = data.split.train().itemCounts();
        int mostPopular = ScoredItems.topK(toFloats(counts), 1, null).item(0);
        assertThat(ScoredItems.topK(scores, 1, null).item(0)).isEqualTo(mostPopular);
        assertThat(scores[mostPopular]).isEqualTo(ColdStartScores.SCALE);
        for (int j = 0; j < counts.length; j++) {
            assertThat(scores[j]).isCloseTo(ColdStartScores.SCALE * counts[j] / counts[mostPopular], offset(1e-9f));
        }
    }

    @Test
    void recencyHalfLifeFavoursTheNeighboursOfRecentItems() {
        // An old item of genre 0 and, newer, two items of genre 1.
        UserProfile profile = UserProfile.of(-1, new int[] {0, 31, 32}, null, new float[0]);
        InterestModel flat = fitted(Map.of("neighbours", 20));
        InterestModel recent = fitted(Map.of("neighbours", 20, "recency-half-life", 0.5));

        float[] flatScores = new float[data.numItems];
        float[] recentScores = new float[data.numItems];
        flat.scoreAll(profile, flatScores);
        recent.scoreAll(profile, recentScores);

        // Half-life 0.5: the oldest of three items weighs 0.5^(2/0.5) = 1/16 of the newest.
        ScoredItems oldNeighbours = cosine.neighbours(0, 20);
        int onlyOld = -1;
        for (int r = 0; r < oldNeighbours.size() && onlyOld < 0; r++) {
            int j = oldNeighbours.item(r);
            if (contains(cosine.neighbours(31, 20), j) || contains(cosine.neighbours(32, 20), j)) {
                continue;
            }
            onlyOld = j;
        }
        assertThat(onlyOld).isNotNegative();
        assertThat(recentScores[onlyOld]).isCloseTo(flatScores[onlyOld] / 16, offset(1e-6f));
    }

    @Test
    void normaliseGivesAWeightedAverageOfHistoryRatings() {
        InterestModel model = fitted(Map.of("neighbours", 90, "weight-by-rating", true, "normalise", true));
        UserProfile profile = UserProfile.of(-1, new int[] {3, 4}, new float[] {2f, 4f}, new float[0]);

        float[] scores = new float[data.numItems];
        model.scoreAll(profile, scores);

        int j = 5;
        float s3 = cosine.similarity(3, j);
        float s4 = cosine.similarity(4, j);
        assertThat(s3).isPositive();
        assertThat(s4).isPositive();
        assertThat(scores[j]).isCloseTo((2 * s3 + 4 * s4) / (s3 + s4), offset(1e-5f));
        for (float s : scores) {
            assertThat(s).isBetween(0f, 4f);
        }
    }

    @Test
    void scoreMatchesScoreAll() {
        InterestModel model = fitted(Map.of("recency-half-life", 2));
        UserProfile profile = data.profile(9);
        float[] all = new float[data.numItems];
        model.scoreAll(profile, all);

        int[] items = {17, 0, 89, 45};
        float[] some = new float[items.length];
        model.score(profile, items, some);

        assertThat(some).containsExactly(all[17], all[0], all[89], all[45]);
    }

    @Test
    void saveAndLoadReproduceScores() {
        InterestModel model = fitted(Map.of("neighbours", 10, "recency-half-life", 4));
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        model.save(artifacts);
        InterestModel loaded = create(Map.of("neighbours", 10, "recency-half-life", 4));
        loaded.load(artifacts, data.inputs(Optional.of(cosine)));

        for (UserProfile profile : new UserProfile[] {data.profile(0), data.profile(100),
                UserProfile.of(-1, new int[] {8, 60}, null, new float[0]),
                UserProfile.of(-1, new int[0], null, new float[0])}) {
            float[] before = new float[data.numItems];
            float[] after = new float[data.numItems];
            model.scoreAll(profile, before);
            loaded.scoreAll(profile, after);
            assertThat(after).containsExactly(before);
        }
    }

    @Test
    void oneThreadAndThreeThreadsFetchTheSameLists() {
        MemoryArtifacts one = new MemoryArtifacts("memory/interest");
        MemoryArtifacts three = new MemoryArtifacts("memory/interest");
        fitted(Map.of("neighbours", 7), 1).save(one);
        fitted(Map.of("neighbours", 7), 3).save(three);

        assertThat(three.files.keySet()).isEqualTo(one.files.keySet());
        for (String name : one.files.keySet()) {
            assertThat(three.files.get(name)).as(name).isEqualTo(one.files.get(name));
        }
    }

    private static InterestModel fitted(Map<String, Object> section) {
        return fitted(section, 2);
    }

    private static InterestModel fitted(Map<String, Object> section, int threads) {
        InterestModel model = Sections.create(FACTORY, "interest", section,
                new RecordingPluginContext(1, "interest", threads, Path.of(".")));
        model.fit(data.trainingData(Optional.<SimilarityModel>of(cosine)));
        return model;
    }

    private static InterestModel create(Map<String, Object> section) {
        return Sections.create(FACTORY, "interest", section, new RecordingPluginContext(1, "interest"));
    }

    /** The genre most frequent among the ten best-scored items. */
    private static int topGenre(float[] scores) {
        ScoredItems top = ScoredItems.topK(scores, 10, null);
        int[] votes = new int[data.groups];
        for (int r = 0; r < top.size(); r++) {
            votes[data.genreOf(top.item(r))]++;
        }
        int best = 0;
        for (int g = 1; g < votes.length; g++) {
            best = votes[g] > votes[best] ? g : best;
        }
        return best;
    }

    private static boolean contains(ScoredItems items, int item) {
        for (int r = 0; r < items.size(); r++) {
            if (items.item(r) == item) {
                return true;
            }
        }
        return false;
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
