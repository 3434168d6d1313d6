package dev.m6rec.bench.scoring;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.baselines.BprFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java half of bench/scoring/run.sh: every user's top-10 from a {@code bpr} model through the
 * block SPI ({@link InterestModel#scoreAll(List, float[])}: one OpenBLAS sgemm per 256 users, then
 * {@link ScoredItems#topK} per row), on {@code THREADS} Java threads, each block's GEMM on one
 * OpenBLAS thread (the script sets {@code OPENBLAS_NUM_THREADS=1} for this side).
 *
 * <p>The factors are random and seeded: {@code bpr} is fitted for one epoch at a negligible step
 * size, so its item factors stay the seeded Gaussian initialisation, without item bias. Each user
 * is a profile of two seeded history items, folded in as the mean of their factors, which numpy
 * rebuilds exactly from the item factors this writes ({@code items.f32}) and the histories
 * ({@code histories.i32}). The top-10 of every {@code SAMPLE_EVERY}-th user goes to {@code top.i32}.
 *
 * <pre>{@code
 * java -cp "$cp" dev.m6rec.bench.scoring.ScoringBench USERS ITEMS FACTORS THREADS SEED OUT_DIR
 * }</pre>
 */
public final class ScoringBench {
    static final int K = 10;
    static final int BLOCK = 256;
    static final int SAMPLE_EVERY = 997;

    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        int items = Integer.parseInt(args[1]);
        int factors = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] histories = new int[users * 2];
        for (int k = 0; k < histories.length; k++) {
            histories[k] = rng.nextInt(items);
        }
        try (BenchHost host = new BenchHost(threads)) {
            InterestModel model = fit(host, users, items, factors, seed);
            writeFloats(out.resolve("items.f32"), model.itemEmbeddings().orElseThrow().data());
            writeInts(out.resolve("histories.i32"), histories);
            // One warm-up block loads OpenBLAS and compiles the top-K loop; numpy's import is not timed either.
            scoreRange(model, histories, items, 0, Math.min(users, BLOCK), new int[users * K]);
            int[] top = new int[users * K];
            long started = System.nanoTime();
            scoreAll(model, histories, users, items, threads, top);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "m6rec %d %d %.3f%n", users, items, seconds);
            int[] sampled = new int[((users + SAMPLE_EVERY - 1) / SAMPLE_EVERY) * K];
            for (int u = 0, s = 0; u < users; u += SAMPLE_EVERY, s++) {
                System.arraycopy(top, u * K, sampled, s * K, K);
            }
            writeInts(out.resolve("top.i32"), sampled);
        }
    }

    /** One interaction per user, one epoch at a negligible step: the factors stay the seeded Gaussians. */
    private static InterestModel fit(BenchHost host, int users, int items, int factors, long seed) {
        Interactions.Builder train = Interactions.builder(users, items, false, false);
        for (int u = 0; u < users; u++) {
            train.add(u, u % items, 1f, 0L);
        }
        Interactions interactions = train.build();
        Dataset dataset = new Dataset("scoring-bench", IdIndex.range("u", users), IdIndex.range("i", items),
                interactions, AttributeTable.empty(users), AttributeTable.empty(items), Map.of());
        DataSplit split = new DataSplit(dataset, interactions, interactions.empty(), interactions.empty());
        ModelInputs inputs = new ModelInputs(users, items, FeatureMatrix.empty(users), FeatureMatrix.empty(items),
                Optional.empty());
        InterestModel model = BenchHost.create(new BprFactory(), Map.of("factors", factors, "epochs", 1,
                "learning-rate", 1e-30, "item-bias", false), host.context(seed, "interest"));
        model.fit(new TrainingData(split, inputs, ValidationScorer.none("ndcg@10")));
        return model;
    }

    /** Blocks of users claimed by {@code threads} workers, each writing its users' top-K. */
    private static void scoreAll(InterestModel model, int[] histories, int users, int items, int threads, int[] top)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int from; (from = next.getAndAdd(BLOCK)) < users; ) {
                        scoreRange(model, histories, items, from, Math.min(users, from + BLOCK), top);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void scoreRange(InterestModel model, int[] histories, int items, int from, int to, int[] top) {
        List<UserProfile> block = new ArrayList<>(to - from);
        for (int u = from; u < to; u++) {
            block.add(UserProfile.of(-1, new int[] {histories[2 * u], histories[2 * u + 1]}, null, new float[0]));
        }
        float[] scores = new float[block.size() * items];
        model.scoreAll(block, scores);
        for (int r = 0; r < block.size(); r++) {
            ScoredItems best = ScoredItems.topK(scores, r * items, items, K, null);
            for (int k = 0; k < best.size(); k++) {
                top[(from + r) * K + k] = best.item(k);
            }
        }
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        Files.write(file, buffer.array());
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        Files.write(file, buffer.array());
    }
}
