package dev.m6rec.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.config.RecommendSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The serving path on 6 items in two clusters {0,1,2} and {3,4,5}: within a cluster similarity
 * is 0.9, across 0. The model prefers lower indexes (score 6 - i).
 */
class RecommenderTest {
    private static final SimilarityModel CLUSTERS = new SimilarityModel() {
        public void fit(SimilarityInput input) {
        }

        public float similarity(int a, int b) {
            return a == b ? 1 : (a / 3 == b / 3 ? 0.9f : 0f);
        }

        public ScoredItems neighbours(int item, int k) {
            int base = item / 3 * 3;
            int[] items = new int[2];
            int n = 0;
            for (int j = base; j < base + 3; j++) {
                if (j != item) {
                    items[n++] = j;
                }
            }
            return new ScoredItems(items, new float[] {0.9f, 0.9f});
        }

        public void save(ArtifactWriter out) {
        }

        public void load(ArtifactReader in) {
        }
    };

    private static final InterestModel PREFERS_LOW = new InterestModel() {
        public void fit(TrainingData data) {
        }

        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = 6 - items[k];
            }
        }

        public void save(ArtifactWriter out) {
        }

        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    };

    /** User 0 touched item 4 once, then item 3; item 5 is the most popular. */
    private static FittedPipeline pipeline() {
        return pipeline(PREFERS_LOW);
    }

    private static FittedPipeline pipeline(InterestModel interest) {
        Interactions known = new Interactions(3, 6, new int[] {0, 0, 1, 2}, new int[] {4, 3, 5, 5},
                new float[] {1, 5, 1, 1}, new long[] {1, 2, 3, 4});
        return new FittedPipeline(IdIndex.range("u", 3), IdIndex.range("i", 6), List.of(), List.of(),
                FeatureMatrix.empty(3), FeatureMatrix.empty(6), Optional.of(CLUSTERS), interest,
                new UserHistories(known, FeatureMatrix.empty(3)));
    }

    @Test
    void popularOrderIsTopKOrderOverEveryItemTiesToTheLowerIndex() {
        java.util.Random random = new java.util.Random(7);
        int[] counts = new int[5000];
        float[] asScores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = random.nextInt(40);   // many ties
            asScores[i] = counts[i];
        }
        counts[17] = 0;
        asScores[17] = 0;
        assertThat(Recommender.popularOrder(counts)).containsExactly(ScoredItems.topK(asScores, counts.length, null).items());
    }

    @Test
    void withoutRecallEveryUnseenItemIsRankedByTheModel() {
        FittedPipeline pipeline = pipeline();
        Recommender recommender = new Recommender(pipeline, RecommendSettings.defaults());
        ScoredItems top = recommender.recommend(pipeline.profile(0), 3, null);
        assertThat(top.items()).containsExactly(0, 1, 2);
    }

    @Test
    void recommendAllScoresFullRankingAsOneBlockAndGivesTheSameListsAsOneByOne() {
        List<Integer> blockSizes = new ArrayList<>();
        InterestModel counting = new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] items, float[] out) {
                PREFERS_LOW.score(user, items, out);
            }

            @Override
            public void scoreAll(List<UserProfile> users, float[] out) {
                blockSizes.add(users.size());
                InterestModel.super.scoreAll(users, out);
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
        FittedPipeline pipeline = pipeline(counting);
        List<UserProfile> profiles = List.of(pipeline.profile(0), pipeline.profile(1), pipeline.profile(2));
        for (RecommendSettings settings : List.of(RecommendSettings.defaults(),
                new RecommendSettings(10, Map.of(), 0.8), new RecommendSettings(10, Map.of("history", 10), 0))) {
            Recommender recommender = new Recommender(pipeline, settings);
            blockSizes.clear();

            List<ScoredItems> lists = recommender.recommendAll(profiles, 3);

            // Recall quotas give each user their own candidates: those users are scored one by one.
            assertThat(blockSizes).isEqualTo(settings.recall().isEmpty() ? List.of(3) : List.of());
            for (int u = 0; u < profiles.size(); u++) {
                ScoredItems single = recommender.recommend(profiles.get(u), 3, null);
                assertThat(lists.get(u).items()).as("user %d, %s", u, settings).containsExactly(single.items());
                assertThat(lists.get(u).scores()).containsExactly(single.scores());
            }
        }
    }

    @Test
    void historyRecallLimitsCandidatesToNeighboursOfTheHistory() {
        FittedPipeline pipeline = pipeline();
        Recommender recommender = new Recommender(pipeline, new RecommendSettings(10, Map.of("history", 10), 0));
        ScoredItems top = recommender.recommend(pipeline.profile(0), 3, null);
        // History {4, 3}: neighbours 5 (unseen) only; the other cluster is never recalled.
        assertThat(top.items()).containsExactly(5);
    }

    @Test
    void historyRecallTakesTheItemsWithTheLargestPositiveSumsOfWeightedSimilarity() {
        // History 0 (older) then 1; the lists overlap on 3 and 4, and 4's sum is negative.
        SimilarityModel overlapping = new SimilarityModel() {
            public void fit(SimilarityInput input) {
            }

            public float similarity(int a, int b) {
                return 0;
            }

            public ScoredItems neighbours(int item, int k) {
                return item == 0 ? new ScoredItems(new int[] {2, 3, 4}, new float[] {0.5f, 0.4f, -0.3f})
                        : new ScoredItems(new int[] {3, 5, 4, 6}, new float[] {0.2f, 0.1f, 0.2f, 0.05f});
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in) {
            }
        };
        InterestModel indifferent = new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] items, float[] out) {
                java.util.Arrays.fill(out, 1f);
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
        Interactions known = new Interactions(1, 8, new int[] {0, 0}, new int[] {0, 1}, new float[] {1, 1},
                new long[] {1, 2});
        FittedPipeline pipeline = new FittedPipeline(IdIndex.range("u", 1), IdIndex.range("i", 8), List.of(),
                List.of(), FeatureMatrix.empty(1), FeatureMatrix.empty(8), Optional.of(overlapping), indifferent,
                new UserHistories(known, FeatureMatrix.empty(1)));
        // Sums: 3: 0.4 w0 + 0.2 > 2: 0.5 w0 > 5: 0.1 > 6: 0.05; 4: -0.3 w0 + 0.2 < 0 (w0 = 0.5^(1/20)).
        // The model scores all alike, so the list keeps the recall order.
        Recommender three = new Recommender(pipeline, new RecommendSettings(10, Map.of("history", 3), 0));
        assertThat(three.recommend(pipeline.profile(0), 10, null).items()).containsExactly(3, 2, 5);
        Recommender all = new Recommender(pipeline, new RecommendSettings(10, Map.of("history", 8), 0));
        assertThat(all.recommend(pipeline.profile(0), 10, null).items()).containsExactly(3, 2, 5, 6);
    }

    @Test
    void popularRecallAddsTheMostPopularUnseenItems() {
        FittedPipeline pipeline = pipeline();
        Recommender recommender = new Recommender(pipeline, new RecommendSettings(10, Map.of("popular", 1), 0));
        assertThat(recommender.recommend(pipeline.profile(1), 3, null).items()).containsExactly(3);
    }

    @Test
    void diversityPicksAcrossClusters() {
        FittedPipeline pipeline = pipeline();
        Recommender plain = new Recommender(pipeline, RecommendSettings.defaults());
        Recommender diverse = new Recommender(pipeline, new RecommendSettings(10, Map.of(), 0.8));
        assertThat(plain.recommend(pipeline.profile(1), 2, null).items()).containsExactly(0, 1);
        assertThat(diverse.recommend(pipeline.profile(1), 2, null).items()).containsExactly(0, 3);
    }

    @Test
    void explanationWeighsHistoryBySimilarityRatingAndRecency() {
        FittedPipeline pipeline = pipeline();
        Recommender recommender = new Recommender(pipeline, RecommendSettings.defaults());
        Explanation why = recommender.explain(pipeline.profile(0), 5, 5);
        // Item 3 (rated 5, most recent) outweighs item 4 (rated 1, one step older).
        assertThat(why.becauseOf()).containsExactly(3, 4);
        assertThat(why.weights()[0]).isCloseTo(0.9f * 5, within(1e-5f));
        assertThat(why.weights()[1]).isCloseTo((float) (0.9 * Math.pow(0.5, 1 / 20.0)), within(1e-5f));
        assertThat(recommender.explain(pipeline.profile(0), 0, 5).becauseOf()).isEmpty();
    }

    @Test
    void excludedItemsAreNeverRecommended() {
        FittedPipeline pipeline = pipeline();
        Recommender recommender = new Recommender(pipeline, RecommendSettings.defaults());
        boolean[] excluded = {true, false, false, false, false, false};
        assertThat(recommender.recommend(pipeline.profile(1), 2, excluded).items()).containsExactly(1, 2);
    }

    @Test
    void recallSourcesNeverAddAnItemTwiceAndLeaveTheCallersExclusionsAlone() {
        FittedPipeline pipeline = pipeline();
        // User 1 saw item 5; history recall takes 5's cluster neighbours, popular recall must skip them.
        Recommender recommender = new Recommender(pipeline,
                new RecommendSettings(10, Map.of("history", 2, "popular", 3), 0));
        boolean[] excluded = {false, false, true, false, false, false};
        ScoredItems top = recommender.recommend(pipeline.profile(1), 10, excluded);
        assertThat(top.items()).doesNotHaveDuplicates().doesNotContain(2, 5).hasSize(4);
        assertThat(excluded).containsExactly(false, false, true, false, false, false);
    }
}
