package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupedEvaluationTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Ranks items 0 > 1 > 2 > 3 > 4 for every user. */
    private static final InterestModel FIXED = new InterestModel() {
        public void fit(TrainingData data) {
        }

        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = 5 - items[k];
            }
        }

        public void save(ArtifactWriter out) {
        }

        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    };

    @Test
    void labelsGroupsByInclusiveUpperBounds() {
        ActivityGroups groups = ActivityGroups.of(new int[] {0, 5, 20, 100}, new int[] {0, 1, 5, 6, 20, 21, 100, 101});
        assertThat(groups.size()).isEqualTo(5);
        assertThat(List.of(groups.label(0), groups.label(1), groups.label(2), groups.label(3), groups.label(4)))
                .containsExactly("0", "1-5", "6-20", "21-100", ">100");
        int[] expected = {0, 1, 1, 2, 2, 3, 3, 4};
        for (int u = 0; u < expected.length; u++) {
            assertThat(groups.groupOf(u)).as("user %d", u).isEqualTo(expected[u]);
        }
        ActivityGroups fromFive = ActivityGroups.of(new int[] {5}, new int[] {0});
        assertThat(List.of(fromFive.label(0), fromFive.label(1))).containsExactly("0-5", ">5");
        assertThat(ActivityGroups.of(new int[0], new int[] {3}).size()).isZero();
        assertThatThrownBy(() -> ActivityGroups.of(new int[] {5, 5}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsTheSamePassByTrainingInteractions() {
        // Training interactions per user: 0, 3, 7, 0, 2. Groups [0, 5, 20]: "0", "1-5", "6-20", ">20".
        ActivityGroups groups = ActivityGroups.of(new int[] {0, 5, 20}, new int[] {0, 3, 7, 0, 2});
        // Known histories at test time and the targets:
        // user 0: nothing known, target 0 -> rank 1.  user 3: nothing known, target 2 -> rank 3.
        // user 1: knows 0, target 1 -> rank 1.        user 2: knows 0 and 1, target 4 -> rank 3.
        // user 4 has no target: not counted in "1-5".
        int[][] histories = {{}, {0}, {0, 1}, {}, {3}};
        Interactions targets = new Interactions(5, 5, new int[] {0, 1, 2, 3}, new int[] {0, 1, 4, 2}, null, null);
        AtomicIntegerArray profiled = new AtomicIntegerArray(5);
        Evaluation result = new Evaluator(List.of(MetricSpec.parse("hr@1"), MetricSpec.parse("mrr@5")), executor, 2,
                5).evaluate(FIXED, TopKRanker.fullRanking(FIXED), u -> {
                    profiled.incrementAndGet(u);
                    return UserProfile.of(u, histories[u], null, new float[0]);
                }, targets, null, groups);

        assertThat(result.metrics().get("hr@1")).isEqualTo(0.5);
        assertThat(result.metrics().get("mrr@5")).isCloseTo((1 + 1 + 1 / 3.0 + 1 / 3.0) / 4, within(1e-12));
        assertThat(result.groups()).extracting(GroupMetrics::group).containsExactly("0", "1-5", "6-20", ">20");
        assertThat(result.groups()).extracting(GroupMetrics::users).containsExactly(2, 1, 1, 0);
        GroupMetrics cold = result.groups().get(0);
        assertThat(cold.metrics().get("hr@1")).isEqualTo(0.5);
        assertThat(cold.metrics().get("mrr@5")).isCloseTo((1 + 1 / 3.0) / 2, within(1e-12));
        assertThat(result.groups().get(1).metrics()).containsEntry("hr@1", 1.0).containsEntry("mrr@5", 1.0);
        assertThat(result.groups().get(2).metrics().get("hr@1")).isEqualTo(0.0);
        assertThat(result.groups().get(2).metrics().get("mrr@5")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(result.groups().get(3).metrics().get("hr@1")).isNaN();
        // One pass: every user with a target was profiled (and so scored) exactly once.
        for (int u = 0; u < 4; u++) {
            assertThat(profiled.get(u)).as("user %d", u).isEqualTo(1);
        }
        assertThat(profiled.get(4)).isZero();
    }
}
