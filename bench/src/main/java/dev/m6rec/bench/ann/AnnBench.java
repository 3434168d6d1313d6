package dev.m6rec.bench.ann;

import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.core.ann.HnswIndex;
import dev.m6rec.core.ann.IndexSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java side of bench/ann/run.sh: {@code N} x {@code D} synthetic float embeddings around
 * planted cluster centres (seeded), 1,000 queries drawn the same way, and for each the top 10 by
 * cosine, found two ways: exact blocked search (a block of queries against every row, so each row
 * is read once per block) and the {@link HnswIndex} embedding recall uses. Prints the graph's build
 * time and memory, recall@10 of HNSW against exact search for each ef-search, and queries per
 * second of both on 1 and 2 threads with their ratio.
 *
 * <pre>{@code
 * java -Xmx3g -cp "$cp" dev.m6rec.bench.ann.AnnBench N D M BEAM_WIDTH EF1,EF2,... [QUERIES] [SEED]
 * }</pre>
 */
public final class AnnBench {
    private static final int K = 10;
    private static final int BLOCK = 32;

    private AnnBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int m = Integer.parseInt(args[2]);
        int beamWidth = Integer.parseInt(args[3]);
        int[] efs = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int numQueries = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 42;
        int clusters = Math.max(1, n / 1000);
        SplittableRandom random = new SplittableRandom(seed);
        float[] centres = gaussian(random, clusters * d, 1f);
        float[] data = around(random, centres, clusters, n, d);
        float[] queries = around(random, centres, clusters, numQueries, d);
        System.out.printf(Locale.ROOT, "%,d x %d embeddings in %,d planted clusters, %,d queries, top %d by cosine%n",
                n, d, clusters, numQueries, K);

        long t0 = System.nanoTime();
        HnswIndex index = HnswIndex.build(data, d, new IndexSettings("hnsw", m, beamWidth, efs[0], seed));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "hnsw build (M=%d, beam-width=%d, 1 thread): %.1f s; index memory %.1f MB"
                + " beside the %.1f MB of vectors%n", m, beamWidth, buildSeconds, index.bytes() / 1e6, n * (double) d * 4 / 1e6);

        float[] inverseNorms = inverseNorms(data, d);
        int[][] truth = new int[numQueries][];
        exactBlocked(data, inverseNorms, d, queries, 0, numQueries, truth); // warm-up and the reference lists
        double[] exactQps = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
            exactQps[threads - 1] = qps(numQueries, threads, (from, to) -> exactBlocked(data, inverseNorms, d, queries,
                    from, to, new int[numQueries][]));
        }
        System.out.printf(Locale.ROOT, "%-18s %9s %12s %12s %10s %10s%n", "search", "recall@10", "qps 1 thread",
                "qps 2 thread", "x exact 1", "x exact 2");
        System.out.printf(Locale.ROOT, "%-18s %9.4f %12.1f %12.1f %10.2f %10.2f%n", "exact blocked", 1.0, exactQps[0],
                exactQps[1], 1.0, 1.0);
        for (int ef : efs) {
            int[][] found = new int[numQueries][];
            searchAll(index, queries, d, ef, 0, numQueries, found);
            double recall = recall(truth, found);
            double[] hnswQps = new double[2];
            for (int threads = 1; threads <= 2; threads++) {
                hnswQps[threads - 1] = qps(numQueries, threads, (from, to) -> searchAll(index, queries, d, ef, from, to,
                        new int[numQueries][]));
            }
            System.out.printf(Locale.ROOT, "%-18s %9.4f %12.1f %12.1f %10.1f %10.1f%n", "hnsw ef-search=" + ef, recall,
                    hnswQps[0], hnswQps[1], hnswQps[0] / exactQps[0], hnswQps[1] / exactQps[1]);
        }
    }

    private static float[] gaussian(SplittableRandom random, int count, float scale) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = scale * (float) random.nextGaussian();
        }
        return out;
    }

    /** Rows each a random centre plus noise of a third of the centres' spread per dimension. */
    private static float[] around(SplittableRandom random, float[] centres, int clusters, int rows, int d) {
        float[] out = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(clusters);
            for (int j = 0; j < d; j++) {
                out[i * d + j] = centres[c * d + j] + 0.33f * (float) random.nextGaussian();
            }
        }
        return out;
    }

    private static float[] inverseNorms(float[] data, int d) {
        float[] out = new float[data.length / d];
        for (int i = 0; i < out.length; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += data[i * d + j] * data[i * d + j];
            }
            out[i] = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        }
        return out;
    }

    /** Top K of queries [from, to) by exact cosine, BLOCK queries per pass over the rows. */
    private static void exactBlocked(float[] data, float[] inverseNorms, int d, float[] queries, int from, int to,
                                     int[][] out) {
        int n = inverseNorms.length;
        for (int q0 = from; q0 < to; q0 += BLOCK) {
            int b = Math.min(BLOCK, to - q0);
            float[] block = Arrays.copyOfRange(queries, q0 * d, (q0 + b) * d);
            float[][] topScores = new float[b][K];
            int[][] topItems = new int[b][K];
            for (float[] row : topScores) {
                Arrays.fill(row, Float.NEGATIVE_INFINITY);
            }
            float[] dots = new float[b];
            for (int i = 0; i < n; i++) {
                int o = i * d;
                for (int q = 0; q < b; q++) {
                    float dot = 0;
                    for (int j = 0, p = q * d; j < d; j++) {
                        dot += data[o + j] * block[p + j];
                    }
                    dots[q] = dot * inverseNorms[i];
                }
                for (int q = 0; q < b; q++) {
                    float s = dots[q];
                    float[] ts = topScores[q];
                    if (s > ts[K - 1]) { // insertion into the sorted top K (the query norm does not change the order)
                        int r = K - 1;
                        while (r > 0 && ts[r - 1] < s) {
                            ts[r] = ts[r - 1];
                            topItems[q][r] = topItems[q][r - 1];
                            r--;
                        }
                        ts[r] = s;
                        topItems[q][r] = i;
                    }
                }
            }
            for (int q = 0; q < b; q++) {
                out[q0 + q] = topItems[q];
            }
        }
    }

    private static void searchAll(HnswIndex index, float[] queries, int d, int ef, int from, int to, int[][] out) {
        for (int q = from; q < to; q++) {
            ScoredItems top = index.search(Arrays.copyOfRange(queries, q * d, q * d + d), K, ef, null);
            out[q] = top.items();
        }
    }

    private static double recall(int[][] truth, int[][] found) {
        long hits = 0;
        for (int q = 0; q < truth.length; q++) {
            for (int item : found[q]) {
                for (int t : truth[q]) {
                    if (t == item) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return hits / (double) (truth.length * K);
    }

    private interface Range {
        void run(int from, int to);
    }

    /** Queries per second of {@code work} over all queries split into {@code threads} ranges, after a warm-up pass. */
    private static double qps(int numQueries, int threads, Range work) throws InterruptedException {
        runSplit(numQueries, threads, work);
        long t0 = System.nanoTime();
        int passes = 0;
        do {
            runSplit(numQueries, threads, work);
            passes++;
        } while (System.nanoTime() - t0 < 2_000_000_000L && passes < 50);
        return passes * (double) numQueries / ((System.nanoTime() - t0) / 1e9);
    }

    private static void runSplit(int numQueries, int threads, Range work) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int from = numQueries * t / threads;
            int to = numQueries * (t + 1) / threads;
            workers[t] = new Thread(() -> work.run(from, to));
            workers[t].setUncaughtExceptionHandler((th, e) -> failures.incrementAndGet());
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " worker(s) failed");
        }
    }
}
