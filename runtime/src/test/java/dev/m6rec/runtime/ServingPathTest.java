package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.RecommendSettings;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.Recommender;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.run.PipelineRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served path gives exactly what the plain recommender and the textbook algorithms give: the
 * lazily evaluated diversity re-ranking picks what eager greedy MMR picks, and the similarity memo
 * of the serving state changes no result.
 */
class ServingPathTest {
    @TempDir
    static Path dir;
    private static Path artifact;
    private static PipelineArtifact.LoadedPipeline loaded;
    private static ExecutorService executor;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "serving", TinyPipelines.SERVING_PATH);
        PluginRegistry registry = PluginRegistry.discover(ServingPathTest.class.getClassLoader(), List.of());
        executor = PipelineRun.newExecutor(1);
        loaded = PipelineArtifact.load(artifact, registry, executor, ProgressReporter.silent());
    }

    @AfterAll
    static void close() {
        loaded.pipeline().close();
        executor.shutdownNow();
    }

    @Test
    void diversityReRankingPicksWhatEagerGreedyMmrPicks() {
        FittedPipeline p = loaded.pipeline();
        RecommendSettings settings = loaded.config().recommend();
        assertThat(settings.diversity()).isEqualTo(0.2);
        Recommender diverse = new Recommender(p, settings);
        Recommender relevance = new Recommender(p, new RecommendSettings(settings.k(), settings.recall(), 0.0));
        for (int u = 0; u < p.users().size(); u++) {
            ScoredItems pool = relevance.recommend(p.profile(u), 50, null);
            ScoredItems expected = eagerMmr(pool, 10, settings.diversity(), p.similarity().orElseThrow());
            ScoredItems actual = diverse.recommend(p.profile(u), 10, null);
            assertThat(actual.items()).as("user %s", p.users().id(u)).containsExactly(expected.items());
            assertThat(actual.scores()).as("user %s", p.users().id(u)).containsExactly(expected.scores());
        }
    }

    @Test
    void theFacadeServesExactlyWhatThePlainRecommenderComputes() {
        FittedPipeline p = loaded.pipeline();
        Recommender plain = new Recommender(p, loaded.config().recommend());
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            rec.setCacheLimit(0);
            for (int round = 0; round < 2; round++) { // the second round answers from the similarity memo
                for (int u = 0; u < p.users().size(); u++) {
                    ScoredItems expected = plain.recommend(p.profile(u), 10, null);
                    List<Recommendation> served = rec.recommend(p.users().id(u), 10, null);
                    assertThat(served).extracting(Recommendation::item)
                            .containsExactly(ids(p, expected.items()));
                    for (int r = 0; r < served.size(); r++) {
                        assertThat(served.get(r).score()).isEqualTo(expected.score(r));
                    }
                }
            }
        }
    }

    @Test
    void theSimilarityMemoAnswersExactlyWhatTheModelAnswersEvenWhenSlotsCollide() {
        AtomicInteger computed = new AtomicInteger();
        // Asymmetric on purpose: the memo must not assume sim(a, b) == sim(b, a).
        SimilarityModel model = new FixedSimilarity((a, b) -> {
            computed.incrementAndGet();
            return a * 0.001f - b * 0.0007f;
        });
        int items = 5000; // 25M ordered pairs into 2^20 slots: plenty of collisions
        MemoizedSimilarity memo = new MemoizedSimilarity(model, items);
        Random random = new Random(3);
        int lookups = 200_000;
        for (int n = 0; n < lookups; n++) {
            // Half the lookups repeat a small set of pairs, like popular items do.
            int a = n % 2 == 0 ? random.nextInt(40) : random.nextInt(items);
            int b = n % 2 == 0 ? random.nextInt(40) : random.nextInt(items);
            assertThat(memo.similarity(a, b)).isEqualTo(a * 0.001f - b * 0.0007f);
        }
        assertThat(computed.get()).as("repeats come from the memo").isLessThan(lookups * 6 / 10);
        assertThat(MemoizedSimilarity.fits(5_000_000)).isTrue();
        assertThat(MemoizedSimilarity.fits(Integer.MAX_VALUE)).isFalse();
    }

    /** Greedy MMR as written in the textbook: after each pick, every remaining candidate's similarity to it. */
    private static ScoredItems eagerMmr(ScoredItems ranked, int k, double lambda, SimilarityModel similarity) {
        int n = ranked.size();
        float max = n == 0 ? 0 : ranked.score(0);
        float min = n == 0 ? 0 : ranked.score(n - 1);
        float range = max - min == 0 ? 1 : max - min;
        boolean[] taken = new boolean[n];
        float[] maxSim = new float[n];
        int m = Math.min(k, n);
        int[] items = new int[m];
        float[] scores = new float[m];
        for (int pick = 0; pick < m; pick++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (!taken[c]) {
                    double value = (1 - lambda) * ((ranked.score(c) - min) / range) - lambda * maxSim[c];
                    if (value > bestValue) {
                        bestValue = value;
                        best = c;
                    }
                }
            }
            taken[best] = true;
            items[pick] = ranked.item(best);
            scores[pick] = ranked.score(best);
            for (int c = 0; c < n; c++) {
                if (!taken[c]) {
                    maxSim[c] = Math.max(maxSim[c], similarity.similarity(items[pick], ranked.item(c)));
                }
            }
        }
        return new ScoredItems(items, scores);
    }

    private static String[] ids(FittedPipeline p, int[] items) {
        String[] out = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = p.items().id(items[i]);
        }
        return out;
    }

    /** A similarity given by a function of the pair. */
    private record FixedSimilarity(PairFunction f) implements SimilarityModel {
        @Override
        public void fit(SimilarityInput input) {
        }

        @Override
        public float similarity(int a, int b) {
            return f.apply(a, b);
        }

        @Override
        public ScoredItems neighbours(int item, int k) {
            return ScoredItems.empty();
        }

        @Override
        public void save(ArtifactWriter out) {
        }

        @Override
        public void load(ArtifactReader in) {
        }
    }

    /** sim(a, b). */
    @FunctionalInterface
    private interface PairFunction {
        float apply(int a, int b);
    }
}
