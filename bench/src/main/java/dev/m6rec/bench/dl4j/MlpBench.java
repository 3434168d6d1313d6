package dev.m6rec.bench.dl4j;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.dl4j.mlp.MlpFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Java half of the mlp benchmark: makes (or loads) the data, writes it for the PyTorch half,
 * trains M6-Rec's mlp on THREADS threads (its intra-op-threads: the fused kernel splits each batch
 * over them, the graph engine gives them to ND4J) and prints one line per engine:
 * "m6rec <engine> <rows> <wall s> <cpu s>".
 * Usage: java -cp CP dev.m6rec.bench.dl4j.MlpBench OUT_DIR EPOCHS THREADS [ML100K_DIR]
 */
public final class MlpBench {
    static final int EMBEDDING = 32;
    static final List<Integer> HIDDEN = List.of(64, 32);
    static final int BATCH = 256;
    static final int NEGATIVES = 4;
    private MlpBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: MlpBench OUT_DIR EPOCHS THREADS [ML100K_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        Bench data = args.length > 3 ? movielens(Path.of(args[3])) : synthetic();
        data.write(out);
        System.out.printf(Locale.ROOT, "data %s: %d users, %d items, %d training interactions, features %d/%d%n",
                data.name, data.users, data.items, data.train.size(), data.userFeatures.columns(), data.itemFeatures.columns());
        // The same thread count as the PyTorch twin (torch.set_num_threads), in the pool and the model.
        BenchHost host = new BenchHost(threads);
        run(host, data, "fused", 1, true, threads);                 // warm-up: JIT and native libraries
        long[] fused = run(host, data, "fused", epochs, false, threads);
        System.out.printf(Locale.ROOT, "m6rec fused %d %.3f %.3f%n", fused[0], fused[1] / 1e9, fused[2] / 1e9);
        long[] pooled = run(host, data, "fused", epochs, true, threads);
        System.out.printf(Locale.ROOT, "m6rec fused-history %d %.3f %.3f%n", pooled[0], pooled[1] / 1e9, pooled[2] / 1e9);
        long[] graph = run(host, data, "graph", 1, false, threads);
        System.out.printf(Locale.ROOT, "m6rec graph %d %.3f %.3f%n", graph[0], graph[1] / 1e9, graph[2] / 1e9);
    }

    /** Rows trained, wall ns, process CPU ns. */
    static long[] run(BenchHost host, Bench data, String engine, int epochs, boolean history, int threads) {
        Map<String, Object> section = new HashMap<>();
        section.put("embedding", EMBEDDING);
        section.put("hidden", HIDDEN);
        section.put("epochs", epochs);
        section.put("batch-size", BATCH);
        section.put("negatives", NEGATIVES);
        section.put("id-dropout", 0.0);
        // As the PyTorch twin: Adam at 1e-3, no dropout, no weight decay (not the mlp's tuned defaults).
        section.put("learning-rate", 0.001);
        section.put("dropout", 0.0);
        section.put("weight-decay", 0.0);
        // SVD++ history pooling on or off, as in the PyTorch twin; the bench has no similarity, so no kNN input.
        section.put("history", history);
        section.put("engine", engine);
        section.put("intra-op-threads", threads);
        // The PyTorch twin has no cold-start head (a softmax over all items beside the network).
        section.put("cold-head", 0);
        section.put("early-stopping", Map.of("patience", 0));
        InterestModel model = BenchHost.create(new MlpFactory(), section, host.context(1, "interest"));
        DataSplit split = new DataSplit(data.dataset, data.train, data.train.empty(), data.train.empty());
        ModelInputs inputs = new ModelInputs(data.users, data.items, data.userFeatures, data.itemFeatures, Optional.empty());
        // Process CPU time (all JVM threads, GC and JIT included), as Python's process_time.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        model.fit(new TrainingData(split, inputs, ValidationScorer.none("ndcg@10")));
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        return new long[] {(long) data.train.size() * (1 + NEGATIVES) * epochs, wall, cpu};
    }

    /** ML-100K-sized synthetic data: taste groups, genres, popularity, age-like user features. */
    static Bench synthetic() {
        int users = 943;
        int items = 1682;
        int groups = 19;
        SplittableRandom rng = new SplittableRandom(2024);
        int[] group = new int[users];
        int[] genre = new int[items];
        double[] popularity = new double[items];
        for (int u = 0; u < users; u++) {
            group[u] = rng.nextInt(groups);
        }
        for (int i = 0; i < items; i++) {
            genre[i] = rng.nextInt(groups);
            popularity[i] = Math.exp(1.5 * gaussian(rng));
        }
        Interactions.Builder train = Interactions.builder(users, items, true, true);
        long time = 0;
        for (int u = 0; u < users; u++) {
            double[] cumulative = new double[items];
            double total = 0;
            for (int i = 0; i < items; i++) {
                total += popularity[i] * (genre[i] == group[u] ? 10 : 1);
                cumulative[i] = total;
            }
            boolean[] taken = new boolean[items];
            int count = 20 + rng.nextInt(150);
            for (int n = 0; n < count; n++) {
                int item = java.util.Arrays.binarySearch(cumulative, rng.nextDouble() * total);
                item = Math.min(items - 1, item < 0 ? -item - 1 : item);
                if (taken[item]) {
                    continue;
                }
                taken[item] = true;
                float rating = (float) Math.max(1, Math.min(5, Math.round((genre[item] == group[u] ? 4 : 3) + gaussian(rng))));
                train.add(u, item, rating, time++);
            }
        }
        return new Bench("synthetic", users, items, train.build(), oneHot(users, group, groups, rng, 3),
                oneHot(items, genre, groups, rng, 1));
    }

    /** MovieLens-100K from its u.data (ids only; features: none), all interactions as training data. */
    static Bench movielens(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("u.data"));
        IdIndex.Builder userIds = IdIndex.builder();
        IdIndex.Builder itemIds = IdIndex.builder();
        int[][] rows = new int[lines.size()][];
        for (int k = 0; k < rows.length; k++) {
            String[] f = lines.get(k).split("\t");
            rows[k] = new int[] {userIds.add(f[0]), itemIds.add(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])};
        }
        int users = userIds.build().size();
        int items = itemIds.build().size();
        Interactions.Builder train = Interactions.builder(users, items, true, true);
        for (int[] r : rows) {
            train.add(r[0], r[1], r[2], r[3]);
        }
        return new Bench("ml-100k", users, items, train.build(), FeatureMatrix.empty(users), FeatureMatrix.empty(items));
    }

    static FeatureMatrix oneHot(int rows, int[] value, int width, SplittableRandom rng, int noise) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width + noise; c++) {
            names.add("f" + c);
        }
        int w = width + noise;
        float[] data = new float[rows * w];
        for (int r = 0; r < rows; r++) {
            data[r * w + value[r]] = 1;
            for (int n = 0; n < noise; n++) {
                data[r * w + width + n] = (float) gaussian(rng);
            }
        }
        return new FeatureMatrix(rows, names, data);
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    record Bench(String name, int users, int items, Interactions train, FeatureMatrix userFeatures,
                 FeatureMatrix itemFeatures, Dataset dataset) {
        Bench(String name, int users, int items, Interactions train, FeatureMatrix userFeatures, FeatureMatrix itemFeatures) {
            this(name, users, items, train, userFeatures, itemFeatures, new Dataset(name, IdIndex.range("u", users),
                    IdIndex.range("i", items), train, AttributeTable.empty(users), AttributeTable.empty(items), Map.of()));
        }

        /** Little-endian raw arrays and a small header the PyTorch half reads with numpy. */
        void write(Path dir) throws IOException {
            int n = train.size();
            int[] u = new int[n];
            int[] i = new int[n];
            float[] r = new float[n];
            for (int k = 0; k < n; k++) {
                u[k] = train.user(k);
                i[k] = train.item(k);
                r[k] = train.rating(k);
            }
            Files.write(dir.resolve("users.i32"), bytes(u));
            Files.write(dir.resolve("items.i32"), bytes(i));
            Files.write(dir.resolve("ratings.f32"), bytes(r));
            Files.write(dir.resolve("user-features.f32"), bytes(userFeatures.data()));
            Files.write(dir.resolve("item-features.f32"), bytes(itemFeatures.data()));
            Files.writeString(dir.resolve("header.txt"), String.format(Locale.ROOT,
                    "users=%d%nitems=%d%nrows=%d%nuser_features=%d%nitem_features=%d%nembedding=%d%nhidden=%s%nbatch=%d%nnegatives=%d%n",
                    users, items, n, userFeatures.columns(), itemFeatures.columns(), EMBEDDING,
                    HIDDEN.toString().replaceAll("[\\[\\] ]", ""), BATCH, NEGATIVES));
        }

        private static byte[] bytes(int[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asIntBuffer().put(v);
            return b.array();
        }

        private static byte[] bytes(float[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            return b.array();
        }
    }
}
