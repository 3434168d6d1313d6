package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.exec.ScoreBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockEvaluationTest {
    private static final int USERS = 700;
    private static final int ITEMS = 60;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Scores from a hash of (user, item), with ties; counts the block calls it receives. */
    private static final class CountingModel implements InterestModel {
        final AtomicInteger blocks = new AtomicInteger();
        final AtomicInteger blockRows = new AtomicInteger();
        final AtomicInteger largestBlock = new AtomicInteger();

        @Override
        public void fit(TrainingData data) {
        }

        @Override
        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = ((user.index() * 31 + items[k] * 17) % 23) / 4f;
            }
        }

        @Override
        public void scoreAll(List<UserProfile> users, float[] out) {
            blocks.incrementAndGet();
            blockRows.addAndGet(users.size());
            largestBlock.accumulateAndGet(users.size(), Math::max);
            InterestModel.super.scoreAll(users, out);
        }

        @Override
        public void save(ArtifactWriter out) {
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    }

    private final int[][] histories = new int[USERS][];
    private final IntFunction<UserProfile> profiles = u -> UserProfile.of(u, histories[u], null, new float[0]);
    private final List<MetricSpec> metrics = List.of(MetricSpec.parse("hr@10"), MetricSpec.parse("ndcg@10"),
            MetricSpec.parse("mrr@10"), MetricSpec.parse("auc"), MetricSpec.parse("coverage@10"));

    /** Seeded histories (into {@link #histories}) and 1-3 targets for every user but each seventh. */
    private Interactions targets() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Integer> targetUsers = new ArrayList<>();
        List<Integer> targetItems = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            histories[u] = rng.ints(rng.nextInt(6), 0, ITEMS).toArray();
            // Every seventh user has no target: skipped, never scored.
            for (int t = 0; u % 7 != 0 && t < 1 + rng.nextInt(3); t++) {
                targetUsers.add(u);
                targetItems.add(rng.nextInt(ITEMS));
            }
        }
        return new Interactions(USERS, ITEMS, targetUsers.stream().mapToInt(Integer::intValue).toArray(),
                targetItems.stream().mapToInt(Integer::intValue).toArray(), null, null);
    }

    @Test
    void fullRankingScoresUsersInBlocksAndGivesTheSameMetricsAsOneByOne() {
        Interactions targets = targets();
        CountingModel model = new CountingModel();
        Evaluator evaluator = new Evaluator(metrics, executor, 2, ITEMS);

        Map<String, Double> blocked = evaluator.evaluate(model, profiles, targets, null);
        int counted = (int) java.util.stream.IntStream.range(0, USERS).filter(u -> u % 7 != 0).count();
        assertThat(model.blockRows.get()).isEqualTo(counted);
        assertThat(model.largestBlock.get()).isBetween(2, 256);

        // The serving-path shape: one user at a time, never the block form.
        TopKRanker oneByOne = (profile, k, excluded) -> {
            float[] scores = new float[ITEMS];
            model.scoreAll(profile, scores);
            return ScoredItems.topK(scores, k, excluded);
        };
        int blocksBefore = model.blocks.get();
        Map<String, Double> single = evaluator.evaluate(model, oneByOne, profiles, targets, null);

        assertThat(model.blocks.get()).isEqualTo(blocksBefore);
        assertThat(blocked).isEqualTo(single);
        assertThat(blocked.get("hr@10")).isBetween(0.05, 0.95);
    }

    @Test
    void aReportingPassCountsEachUserOnceInOneTaskAndMeasuresTheSame() {
        Interactions targets = targets();
        List<String> begun = new ArrayList<>();
        AtomicLong advanced = new AtomicLong();
        AtomicInteger closed = new AtomicInteger();
        ProgressReporter recording = new ProgressReporter() {
            public ProgressTask begin(String name, long total) {
                synchronized (begun) {
                    begun.add(name + " " + total);
                }
                return new ProgressTask() {
                    public void advance(long units) {
                        advanced.addAndGet(units);
                    }

                    public void message(String message) {
                    }

                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }

            public void info(String message) {
            }
        };
        Evaluator silent = new Evaluator(metrics, executor, 2, ITEMS);

        Map<String, Double> reported = silent.reporting(recording, "evaluating test users")
                .evaluate(new CountingModel(), profiles, targets, null);

        int counted = (int) java.util.stream.IntStream.range(0, USERS).filter(u -> u % 7 != 0).count();
        assertThat(begun).containsExactly("evaluating test users " + counted);
        assertThat(advanced.get()).isEqualTo(counted);
        assertThat(closed.get()).isEqualTo(1);
        assertThat(reported).isEqualTo(silent.evaluate(new CountingModel(), profiles, targets, null));
    }

    @Test
    void blocksStayUnderSixteenMegabytes() {
        assertThat(ScoreBlocks.rows(1_682)).isEqualTo(256);
        assertThat(ScoreBlocks.rows(27_278)).isEqualTo(153);
        assertThat(ScoreBlocks.rows(1_000_000)).isEqualTo(4);
        assertThat(ScoreBlocks.rows(10_000_000)).isEqualTo(1);
    }
}
