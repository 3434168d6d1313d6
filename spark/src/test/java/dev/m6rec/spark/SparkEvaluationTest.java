package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.ActivityGroups;
import dev.m6rec.core.eval.Evaluation;
import dev.m6rec.core.eval.EvaluationScope;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.eval.PerUserValues;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.TrainedRun;
import dev.m6rec.core.run.EvaluationEngine;
import dev.m6rec.core.run.PipelineRun;
import dev.m6rec.runtime.M6Rec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distributed evaluation gives what core's single-machine {@link Evaluator} gives, to 1e-9,
 * whatever the partitioning: every metric (per user at K, AUC/GAUC, rating errors, list metrics
 * reduced on the driver), the activity groups and the per-user values with their top-K lists,
 * for valid (training histories) and test (train + valid histories) passes, in full ranking and in
 * sampled ranking with popularity-drawn negatives over a seeded sample of users, and through the
 * serving path when {@code recommend:} sets recall quotas and diversity.
 */
class SparkEvaluationTest {
    private static final List<String> METRICS = List.of("hr@10", "precision@5", "recall@10", "ndcg@10", "mrr@10",
            "map@10", "auc", "gauc", "rmse", "mae", "coverage@10", "gini@10", "novelty@10", "ild@10");
    private static final int[] PARTITIONS = {1, 3, 8};

    @TempDir
    static Path dir;
    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        LocalSpark.session();
        executor = PipelineRun.newExecutor(2);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    static Stream<Arguments> models() {
        String full = "{ metrics: [" + String.join(", ", METRICS) + "], groups: [4, 8] }";
        String sampled = "{ metrics: [" + String.join(", ", METRICS) + "], groups: [4, 8], ranking: sampled,"
                + " negatives: 15, sampling: popularity, max-users: 40 }";
        return Stream.of(
                Arguments.of("popularity", "{ type: popularity }", full, ""),
                Arguments.of("ease", "{ type: ease, lambda: 50 }", full, ""),
                Arguments.of("item-knn", "{ type: item-knn }", full, ""),
                Arguments.of("bpr-sampled", "{ type: bpr, factors: 8, epochs: 3 }", sampled, ""),
                // The serving path (recall, rank, re-rank with diversity), rebuilt in the executors from the artifact.
                Arguments.of("ease-served", "{ type: ease, lambda: 50 }", full,
                        "recommend: { recall: { history: 20, popular: 10 }, diversity: 0.2 }\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void equalsTheSingleMachineEvaluatorOnValidAndTestWhateverThePartitioning(String name, String interest,
                                                                             String evaluation, String recommend)
            throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, "seed: 11\n"
                + "data: { type: synthetic, users: 70, items: 60 }\n"
                + "split: { type: ratio, ratios: [0.7, 0.15, 0.15], order: random, per-user: true }\n"
                + "similarity: { type: cosine, source: interactions, neighbours: 20 }\n"
                + "interest: " + interest + "\n"
                + "evaluation: " + evaluation + "\n"
                + recommend
                + "output: { dir: " + dir.resolve(name + "-run") + ", samples: 0 }\n");
        try (M6Rec rec = M6Rec.fromConfig(config, List.of())) {
            TrainedRun trained = rec.train().trained();
            RunConfig runConfig = rec.withPipeline((pipeline, c) -> c);
            FittedPipeline pipeline = trained.pipeline();
            DataSplit split = trained.split();
            Evaluator evaluator = new Evaluator(METRICS.stream().map(MetricSpec::parse).toList(), executor, 2,
                    EvaluationScope.options(runConfig.evaluation(), runConfig.seed(), split.train(),
                            pipeline.similarity()));
            ActivityGroups groups = ActivityGroups.of(new int[] {4, 8}, split.train().byUser());
            int[] validUsers = users(runConfig, split.valid());
            int[] testUsers = users(runConfig, split.test());
            Evaluation validHere = evaluator.evaluate(pipeline.interest(),
                    PipelineRun.ranker(runConfig.recommend(), pipeline), trained.trainHistories()::profile,
                    split.valid(), validUsers, groups);
            Evaluation testHere = evaluator.evaluate(pipeline.interest(),
                    PipelineRun.ranker(runConfig.recommend(), pipeline), pipeline::profile, split.test(), testUsers,
                    groups);
            assertThat(testHere.metrics().get("ndcg@10")).as("a pass that measures something").isGreaterThan(0);
            for (int partitions : PARTITIONS) {
                try (EvaluationEngine.Session session = new SparkEvaluation(partitions).open(pipeline, runConfig,
                        ProgressReporter.silent())) {
                    assertSame(name + " valid, " + partitions + " partitions", validHere,
                            onSpark(session, evaluator, trained.trainHistories()::profile, split.valid(), validUsers,
                                    groups));
                    assertSame(name + " test, " + partitions + " partitions", testHere,
                            onSpark(session, evaluator, pipeline::profile, split.test(), testUsers, groups));
                }
            }
        }
    }

    /** The run's users of a pass: all with targets, or a seeded sample of max-users of them. */
    private static int[] users(RunConfig config, Interactions targets) {
        int[] sample = EvaluationScope.users(config.evaluation(), targets, new SplittableRandom(3));
        return sample != null ? sample : targets.byUser().nonEmptyRows();
    }

    private static Evaluation onSpark(EvaluationEngine.Session session, Evaluator evaluator,
                                      IntFunction<UserProfile> profiles, Interactions targets, int[] users,
                                      ActivityGroups groups) {
        return evaluator.combine(users, session.outcomes(evaluator, profiles, targets, users), targets.numItems(),
                groups);
    }

    private static void assertSame(String what, Evaluation expected, Evaluation actual) {
        assertMetrics(what, expected.metrics(), actual.metrics());
        assertThat(actual.groups()).hasSameSizeAs(expected.groups());
        for (int g = 0; g < expected.groups().size(); g++) {
            GroupMetrics e = expected.groups().get(g);
            GroupMetrics a = actual.groups().get(g);
            assertThat(a.group()).isEqualTo(e.group());
            assertThat(a.users()).as(what + " group " + e.group()).isEqualTo(e.users());
            assertMetrics(what + " group " + e.group(), e.metrics(), a.metrics());
        }
        PerUserValues e = expected.perUser();
        PerUserValues a = actual.perUser();
        assertThat(a.users()).as(what).isEqualTo(e.users());
        assertThat(a.metrics()).isEqualTo(e.metrics());
        for (int m = 0; m < e.metrics().size(); m++) {
            for (int i = 0; i < e.users().length; i++) {
                assertThat(a.values()[m][i]).as(what + " " + e.metrics().get(m) + " of user " + e.users()[i])
                        .isCloseTo(e.values()[m][i], within(1e-9));
            }
        }
        assertThat(a.lists()).as(what + " top-K lists").isDeepEqualTo(e.lists());
    }

    private static void assertMetrics(String what, Map<String, Double> expected, Map<String, Double> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((metric, value) -> {
            if (value.isNaN()) {
                assertThat(actual.get(metric)).as(what + " " + metric).isNaN();
            } else {
                assertThat(actual.get(metric)).as(what + " " + metric).isCloseTo(value, within(1e-9));
            }
        });
    }
}
