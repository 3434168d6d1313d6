package dev.m6rec.bench.similarity;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.bench.BenchHost;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.IntStream;

/**
 * All-pairs top-50 cosine neighbours with the similarity plugin, through the SPI as a run drives it
 * (ServiceLoader → factory → section bound by core → create → fit → neighbours), on the data sets
 * that the Python side (scikit-learn) reads too. Run through run.sh.
 *
 * <pre>
 * java -cp CP dev.m6rec.bench.similarity.SimilarityBench generate DATA_DIR
 * java -cp CP dev.m6rec.bench.similarity.SimilarityBench run DATA_DIR OUT_DIR [name ...]
 * </pre>
 */
public final class SimilarityBench {
    static final int K = 50;

    /** A data set: its file name and how many timed runs its size affords (median reported). */
    record Case(String name, int warmups, int runs) {
    }

    static final List<Case> CASES = List.of(
            new Case("ml100k", 10, 15),
            new Case("sparse50k", 1, 3),
            new Case("dense100k", 0, 1));

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("run")) {
            List<String> only = Arrays.asList(args).subList(3, args.length);
            for (Case c : CASES) {
                if (only.isEmpty() || only.contains(c.name())) {
                    run(c, Path.of(args[1]), Path.of(args[2]));
                }
            }
        } else {
            System.err.println("usage: SimilarityBench generate DATA_DIR | run DATA_DIR OUT_DIR [name ...]");
            System.exit(2);
        }
    }

    static void generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        // MovieLens-100K shape: 943 users, 1682 items, 100,000 ratings, at least 20 per user.
        BenchData.write(dir.resolve("ml100k.bin"), BenchData.ratings(1, 943, 1682, 100_000, 20, 737, 1.0));
        // 50,000 items, 5,000,000 interactions by 100,000 users.
        BenchData.write(dir.resolve("sparse50k.bin"), BenchData.ratings(2, 100_000, 50_000, 5_000_000, 5, 5_000, 0.9));
        // 100,000 x 64 embeddings around 256 cluster centres.
        BenchData.write(dir.resolve("dense100k.bin"), BenchData.clusters(3, 100_000, 64, 256, 0.6));
    }

    static void run(Case c, Path dataDir, Path outDir) throws Exception {
        Object data = BenchData.read(dataDir.resolve(c.name() + ".bin"));
        SimilarityModelFactory<?> factory = cosineFactory();
        boolean sparse = data instanceof BenchData.Sparse;
        Map<String, Object> section = sparse ? Map.of("neighbours", K) : Map.of("source", "embeddings", "neighbours", K);
        int threads = Runtime.getRuntime().availableProcessors();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SimilarityModel model = null;
        try (BenchHost host = new BenchHost(threads)) {
            int warmups = Integer.getInteger("bench.warmups", c.warmups());
            int runs = Integer.getInteger("bench.runs", c.runs());
            for (int r = 0; r < warmups + runs; r++) {
                // A fresh input each time: Interactions caches its CSR views, which fit builds.
                SimilarityInput input = input(data);
                model = BenchHost.create(factory, section, host.context(1, "similarity"));
                System.gc();
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                model.fit(input);
                double s = (System.nanoTime() - start) / 1e9;
                if (r >= warmups) {
                    seconds.add(s);
                    cpuSeconds.add((os.getProcessCpuTime() - cpuStart) / 1e9);
                }
            }
        }
        int items = sparse ? ((BenchData.Sparse) data).items() : ((BenchData.Dense) data).rows();
        int[] neighbours = new int[items * K];
        float[] scores = new float[items * K];
        Arrays.fill(neighbours, -1);
        for (int i = 0; i < items; i++) {
            ScoredItems top = model.neighbours(i, K);
            for (int r = 0; r < top.size(); r++) {
                neighbours[i * K + r] = top.item(r);
                scores[i * K + r] = top.score(r);
            }
        }
        Files.createDirectories(outDir);
        BenchData.writeNeighbours(outDir.resolve("java-" + c.name() + ".bin"), items, K, neighbours, scores);
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpu = cpuSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT side=java case=%s seconds=%.4f cpu-seconds=%.4f runs=%s threads=%d "
                        + "peak-heap-mb=%d max-heap-mb=%d%n", c.name(), sorted[sorted.length / 2], cpu[cpu.length / 2],
                Arrays.toString(sorted), threads, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static SimilarityInput input(Object data) {
        if (data instanceof BenchData.Sparse m) {
            Interactions train = Interactions.adopt(m.users(), m.items(), m.userIndexes().clone(), m.itemIndexes().clone(),
                    m.values().clone(), null);
            return new SimilarityInput(train, FeatureMatrix.empty(m.items()), Optional.empty());
        }
        BenchData.Dense m = (BenchData.Dense) data;
        List<String> columns = IntStream.range(0, m.dims()).mapToObj(k -> "e" + k).toList();
        Interactions none = Interactions.builder(1, m.rows(), false, false).build();
        return new SimilarityInput(none, FeatureMatrix.empty(m.rows()),
                Optional.of(new FeatureMatrix(m.rows(), columns, m.data())));
    }

    private static SimilarityModelFactory<?> cosineFactory() {
        for (Plugin plugin : ServiceLoader.load(Plugin.class)) {
            for (SimilarityModelFactory<?> f : plugin.similarityModels()) {
                if (f.name().equals("cosine")) {
                    return f;
                }
            }
        }
        throw new IllegalStateException("no similarity model named cosine on the class path");
    }

    /** Sum of the heap pools' peak usage since start: an upper bound of the live heap the runs needed. */
    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
