package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Scores item i as a fixed value per item, the same for every user. */
    private static InterestModel fixedScores(float... perItem) {
        return new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] items, float[] out) {
                for (int k = 0; k < items.length; k++) {
                    out[k] = perItem[items[k]];
                }
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
    }

    private static UserProfile profile(int user, int... history) {
        return UserProfile.of(user, history, null, new float[0]);
    }

    @Test
    void excludesSeenItemsAndSkipsUsersWithoutTargets() {
        // 3 users, 5 items. Scores rank items 0 > 1 > 2 > 3 > 4.
        InterestModel model = fixedScores(5, 4, 3, 2, 1);
        // user 0 saw item 0; target item 1 -> with item 0 excluded, item 1 is rank 1.
        // user 1 saw nothing; target item 3 -> rank 4.
        // user 2 has no target and must not count.
        Interactions targets = new Interactions(3, 5, new int[] {0, 1}, new int[] {1, 3}, null, null);
        int[][] histories = {{0}, {}, {2}};
        Evaluator evaluator = new Evaluator(
                List.of(MetricSpec.parse("hr@1"), MetricSpec.parse("mrr@5"), MetricSpec.parse("ndcg@5")), executor, 2, 1000);
        Map<String, Double> result = evaluator.evaluate(model, u -> profile(u, histories[u]), targets, null);
        assertThat(result.get("hr@1")).isEqualTo(0.5);
        assertThat(result.get("mrr@5")).isCloseTo((1.0 + 0.25) / 2, within(1e-12));
        double ndcgUser1 = 1 / (Math.log(5) / Math.log(2));
        assertThat(result.get("ndcg@5")).isCloseTo((1.0 + ndcgUser1) / 2, within(1e-12));
    }

    @Test
    void tiesBreakTowardsTheLowerItemIndex() {
        // All items tie: the top-1 is item 0, so only a user whose target is item 0 hits.
        InterestModel model = fixedScores(1, 1, 1, 1);
        Interactions targets = new Interactions(2, 4, new int[] {0, 1}, new int[] {0, 3}, null, null);
        Evaluator evaluator = new Evaluator(List.of(MetricSpec.parse("hr@1")), executor, 2, 1000);
        assertThat(evaluator.evaluate(model, u -> profile(u), targets, null).get("hr@1")).isEqualTo(0.5);
    }

    @Test
    void aTargetAlreadyInTheHistoryDoesNotCount() {
        InterestModel model = fixedScores(3, 2, 1);
        // user 0 re-consumed item 0 (seen, so excluded and not counted) and item 2.
        Interactions targets = new Interactions(1, 3, new int[] {0, 0}, new int[] {0, 2}, null, null);
        Evaluator evaluator = new Evaluator(List.of(MetricSpec.parse("recall@1"),
                MetricSpec.parse("recall@2")), executor, 1, 1000);
        Map<String, Double> result = evaluator.evaluate(model, u -> profile(u, 0), targets, null);
        assertThat(result.get("recall@1")).isEqualTo(0.0);
        assertThat(result.get("recall@2")).isEqualTo(1.0);
    }

    @Test
    void noUserWithTargetsGivesNaN() {
        Interactions none = new Interactions(2, 3, new int[0], new int[0], null, null);
        Evaluator evaluator = new Evaluator(List.of(MetricSpec.parse("hr@1")), executor, 1, 1000);
        assertThat(evaluator.evaluate(fixedScores(1, 2, 3), u -> profile(u), none, null).get("hr@1")).isNaN();
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int users = 300;
        int items = 50;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Interactions.Builder b = Interactions.builder(users, items, false, false);
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            scores[i] = (float) random.nextDouble();
        }
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < 3; k++) {
                b.add(u, random.nextInt(items), 1f, 0);
            }
        }
        Interactions targets = b.build();
        List<MetricSpec> metrics = List.of(MetricSpec.parse("ndcg@10"), MetricSpec.parse("map@10"));
        Map<String, Double> one = new Evaluator(metrics, executor, 1, 1000)
                .evaluate(fixedScores(scores), u -> profile(u), targets, null);
        Map<String, Double> two = new Evaluator(metrics, executor, 2, 1000)
                .evaluate(fixedScores(scores), u -> profile(u), targets, null);
        assertThat(two).isEqualTo(one);
        assertThat(one.get("ndcg@10")).isBetween(0.0, 1.0);
    }
}
