package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.ClickPredictor;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.RatingPredictor;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUC, rating, click and list metrics against values computed by hand on tiny cases. */
class BeyondAccuracyMetricsTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Fixed per-item scores, predicting rating = score and click probability = score / 10. */
    private static final class FixedModel implements InterestModel, RatingPredictor, ClickPredictor {
        private final float[] perItem;

        FixedModel(float... perItem) {
            this.perItem = perItem;
        }

        public void fit(TrainingData data) {
        }

        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = perItem[items[k]];
            }
        }

        public void predictRatings(UserProfile user, int[] items, float[] out) {
            score(user, items, out);
        }

        public void predictClicks(UserProfile user, int[] items, float[] out) {
            score(user, items, out);
            for (int k = 0; k < out.length; k++) {
                out[k] /= 10;
            }
        }

        public void save(ArtifactWriter out) {
        }

        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    }

    private Map<String, Double> evaluate(InterestModel model, Interactions targets, EvaluationOptions options,
                                         String... metrics) {
        List<MetricSpec> specs = java.util.Arrays.stream(metrics).map(MetricSpec::parse).toList();
        return new Evaluator(specs, executor, 2, options)
                .evaluate(model, u -> UserProfile.of(u, new int[0], null, new float[0]), targets, null);
    }

    @Test
    void aucCountsCorrectlyOrderedPairsWithHalfForTies() {
        // Items scored 4, 3, 3, 1. User 0 holds out item 2 (score 3): beats item 3, ties item 1,
        // loses to item 0 -> (1 + 0.5) / 3. User 1 holds out items 0 and 3: item 0 beats all 2
        // negatives, item 3 beats none -> 2 / 4.
        FixedModel model = new FixedModel(4, 3, 3, 1);
        Interactions targets = new Interactions(2, 4, new int[] {0, 1, 1}, new int[] {2, 0, 3}, null, null);
        Map<String, Double> m = evaluate(model, targets, EvaluationOptions.fullRanking(4), "auc", "gauc");
        assertThat(m.get("auc")).isCloseTo((0.5 + 0.5) / 2, within(1e-12));
        assertThat(m.get("gauc")).isCloseTo((1 * 0.5 + 2 * 0.5) / 3, within(1e-12));
    }

    @Test
    void ratingErrorsAreOverHeldOutInteractions() {
        FixedModel model = new FixedModel(4, 2);
        Interactions targets = new Interactions(1, 2, new int[] {0, 0}, new int[] {0, 1}, new float[] {5, 2}, null);
        Map<String, Double> m = evaluate(model, targets, EvaluationOptions.fullRanking(2), "rmse", "mae");
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt((1 + 0) / 2.0), within(1e-12));
        assertThat(m.get("mae")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void ratingMetricsAreAbsentForAModelWithoutARatingHead() {
        InterestModel plain = new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] items, float[] out) {
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
        Interactions targets = new Interactions(1, 2, new int[] {0}, new int[] {0}, new float[] {5}, null);
        assertThat(evaluate(plain, targets, EvaluationOptions.fullRanking(2), "rmse", "logloss"))
                .containsEntry("rmse", Double.NaN).containsEntry("logloss", Double.NaN);
    }

    @Test
    void logLossUsesOneSampledNegativePerPositive() {
        // Two items: the positive (item 0, p = 0.8) and the only possible negative (item 1, p = 0.4).
        FixedModel model = new FixedModel(8, 4);
        Interactions targets = new Interactions(1, 2, new int[] {0}, new int[] {0}, null, null);
        double expected = (-Math.log(0.8) - Math.log(1 - 0.4)) / 2;
        assertThat(evaluate(model, targets, EvaluationOptions.fullRanking(2), "logloss").get("logloss"))
                .isCloseTo(expected, within(1e-6));
    }

    @Test
    void coverageGiniAndNoveltyOfTheTopLists() {
        // Scores make every user's top-2 the items 0 and 1 (no history): 2 of 4 items covered.
        FixedModel model = new FixedModel(4, 3, 2, 1);
        Interactions targets = new Interactions(2, 4, new int[] {0, 1}, new int[] {3, 3}, null, null);
        int[] popularity = {3, 1, 0, 0};
        EvaluationOptions options = new EvaluationOptions(false, 0, false, 1, popularity, 3, Optional.empty());
        Map<String, Double> m = evaluate(model, targets, options, "coverage@2", "gini@2", "novelty@2", "ild@2");
        assertThat(m.get("coverage@2")).isEqualTo(0.5);
        // Exposure counts sorted: 0, 0, 2, 2 -> sum (2i - n - 1) c_i = (1*2 + 3*2) = 8; / (4 * 4) = 0.5.
        assertThat(m.get("gini@2")).isCloseTo(0.5, within(1e-12));
        double selfInfo0 = -Math.log(4 / 4.0) / Math.log(2);
        double selfInfo1 = -Math.log(2 / 4.0) / Math.log(2);
        assertThat(m.get("novelty@2")).isCloseTo((selfInfo0 + selfInfo1) / 2, within(1e-12));
        assertThat(m.get("ild@2")).isNaN();
    }

    @Test
    void intraListDiversityUsesTheSimilarityModel() {
        SimilarityModel halfSimilar = new SimilarityModel() {
            public void fit(SimilarityInput input) {
            }

            public float similarity(int a, int b) {
                return a == b ? 1 : 0.25f;
            }

            public ScoredItems neighbours(int item, int k) {
                return ScoredItems.empty();
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in) {
            }
        };
        FixedModel model = new FixedModel(3, 2, 1);
        Interactions targets = new Interactions(1, 3, new int[] {0}, new int[] {2}, null, null);
        EvaluationOptions options = new EvaluationOptions(false, 0, false, 1, new int[3], 1, Optional.of(halfSimilar));
        assertThat(evaluate(model, targets, options, "ild@3").get("ild@3")).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void sampledRankingRanksHeldOutItemsAmongSampledNegativesOnly() {
        // 100 items scored by index descending; the held-out item 50 would be rank 51 in full
        // ranking but among 5 negatives it is ranked by how many negatives drew a lower index.
        float[] scores = new float[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = 100 - i;
        }
        FixedModel model = new FixedModel(scores);
        Interactions targets = new Interactions(1, 100, new int[] {0}, new int[] {50}, null, null);
        EvaluationOptions sampled = new EvaluationOptions(true, 5, false, 3, new int[100], 1, Optional.empty());
        double hr = evaluate(model, targets, sampled, "hr@6").get("hr@6");
        assertThat(hr).isEqualTo(1.0);
        double full = evaluate(model, targets, EvaluationOptions.fullRanking(100), "hr@6").get("hr@6");
        assertThat(full).isEqualTo(0.0);
        // The same seed draws the same negatives.
        assertThat(evaluate(model, targets, sampled, "mrr@6")).isEqualTo(evaluate(model, targets, sampled, "mrr@6"));
    }
}
