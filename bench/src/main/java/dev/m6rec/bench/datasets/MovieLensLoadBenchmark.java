package dev.m6rec.bench.datasets;

import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import dev.m6rec.plugins.datasets.movielens.MovieLensLoaderFactory;
import dev.m6rec.plugins.datasets.synthetic.SyntheticLoaderFactory;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a large ml-25m-like {@code ratings.csv} three ways and prints one result line per run:
 * <ul>
 *   <li>{@code movielens}: the plugin's loader, through its factory as a pipeline would;</li>
 *   <li>{@code reader+idindex}: the same byte-level {@link RecordReader}, but ids turned into
 *       Strings and mapped with the api's {@code IdIndex.Builder} (isolates the id map);</li>
 *   <li>{@code naive}: BufferedReader.readLine + String.split + Float.parseFloat +
 *       IdIndex.Builder + Interactions.Builder (the obvious implementation).</li>
 * </ul>
 * Also times the default {@code synthetic} dataset's generation.
 * Usage: {@code generate DIR ROWS} | {@code load VARIANT DIR [REPEATS]} | {@code synthetic TIMES}.
 */
public final class MovieLensLoadBenchmark {
    private static final int USERS = 162_541;
    private static final int RATED_MOVIES = 59_047;
    /** The loaders read on the calling thread; one thread, as the naive loader. */
    private static final BenchHost HOST = new BenchHost(1);

    private MovieLensLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MovieLensLoadBenchmark generate DIR ROWS | load VARIANT DIR [REPEATS] | synthetic TIMES");
            System.exit(2);
        }
        switch (args[0]) {
            case "generate":
                generate(Path.of(args[1]), Long.parseLong(args[2]));
                break;
            case "load":
                int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                for (int k = 0; k < repeats; k++) {
                    load(args[1], Path.of(args[2]));
                }
                break;
            case "synthetic":
                synthetic(Integer.parseInt(args[1]));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Generates the default synthetic dataset {@code times} times in this JVM (the first run is cold). */
    private static void synthetic(int times) {
        SyntheticLoaderFactory factory = new SyntheticLoaderFactory();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < times; k++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Dataset dataset = BenchHost.create(factory, Map.of(), HOST.context(1, "data")).load();
            System.out.printf("SYNTHETIC run=%d rows=%d milliseconds=%.0f cpu_milliseconds=%.0f%n", k + 1,
                    dataset.interactions().size(), (System.nanoTime() - start) / 1e6,
                    (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
    }

    /** ratings.csv only, sorted by user then movie like ml-25m's, with Zipf movie popularity and log-normal user activity. */
    private static void generate(Path dir, long rows) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(25);
        double[] cumulative = new double[RATED_MOVIES];
        double sum = 0;
        for (int m = 0; m < RATED_MOVIES; m++) {
            sum += Math.pow(m + 1, -0.9);
            cumulative[m] = sum;
        }
        int[] movieOfRank = new int[RATED_MOVIES];
        for (int m = 0; m < RATED_MOVIES; m++) {
            movieOfRank[m] = m + 1;
        }
        for (int m = RATED_MOVIES - 1; m > 0; m--) {
            int j = random.nextInt(m + 1);
            int swap = movieOfRank[m];
            movieOfRank[m] = movieOfRank[j];
            movieOfRank[j] = swap;
        }
        double[] activity = new double[USERS];
        double total = 0;
        for (int u = 0; u < USERS; u++) {
            activity[u] = Math.exp(1.1 * random.nextGaussian());
            total += activity[u];
        }
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("ratings.csv")), 1 << 20)) {
            out.write("userId,movieId,rating,timestamp\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder();
            byte[] bytes = new byte[64];
            for (int u = 0; u < USERS && written < rows; u++) {
                long count = u == USERS - 1 ? rows - written
                        : Math.min(rows - written, Math.max(1, Math.round(activity[u] / total * rows)));
                int[] movies = new int[(int) count];
                for (int k = 0; k < count; k++) {
                    int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    movies[k] = movieOfRank[Math.min(RATED_MOVIES - 1, rank < 0 ? -rank - 1 : rank)];
                }
                Arrays.sort(movies);
                for (int movie : movies) {
                    line.setLength(0);
                    int halfStars = 1 + random.nextInt(10);
                    line.append(u + 1).append(',').append(movie).append(',').append(halfStars / 2).append('.')
                            .append(halfStars % 2 == 0 ? '0' : '5').append(',')
                            .append(789_652_009L + random.nextLong(784_675_694L)).append('\n');
                    int length = line.length();
                    for (int c = 0; c < length; c++) {
                        bytes[c] = (byte) line.charAt(c);
                    }
                    out.write(bytes, 0, length);
                }
                written += count;
            }
        }
        System.out.println("generated " + written + " rows in " + dir);
    }

    private static void load(String variant, Path dir) throws Exception {
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long rows;
        switch (variant) {
            case "movielens":
                rows = loadWithPlugin(dir);
                break;
            case "reader+idindex":
                rows = loadWithReaderAndIdIndex(dir.resolve("ratings.csv"));
                break;
            case "naive":
                rows = loadNaively(dir.resolve("ratings.csv"));
                break;
            default:
                throw new IllegalArgumentException("unknown variant " + variant);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = sampler.finish();
        // the CPU time of the loading thread stays meaningful on a shared, busy machine (GC threads excluded)
        System.out.printf("RESULT variant=%s rows=%d seconds=%.3f cpu_seconds=%.3f rows_per_second=%.0f"
                + " rows_per_cpu_second=%.0f peak_heap_used_mb=%d%n",
                variant, rows, seconds, cpuSeconds, rows / seconds, rows / cpuSeconds, peak >> 20);
    }

    private static long loadWithPlugin(Path dir) {
        Dataset dataset = BenchHost.create(new MovieLensLoaderFactory(), Map.of("path", dir.toString()),
                HOST.context(1, "data")).load();
        return dataset.interactions().size();
    }

    private static long loadWithReaderAndIdIndex(Path file) {
        IdIndex.Builder users = IdIndex.builder();
        IdIndex.Builder items = IdIndex.builder();
        int[] u = new int[1024];
        int[] i = new int[1024];
        float[] r = new float[1024];
        long[] t = new long[1024];
        int n = 0;
        try (RecordReader reader = RecordReader.open(file, Delimiter.COMMA, true, StandardCharsets.UTF_8, OnError.FAIL)) {
            reader.header();
            while (reader.next()) {
                if (n == u.length) {
                    u = Arrays.copyOf(u, n * 2);
                    i = Arrays.copyOf(i, n * 2);
                    r = Arrays.copyOf(r, n * 2);
                    t = Arrays.copyOf(t, n * 2);
                }
                r[n] = reader.number(2, "rating");
                t[n] = reader.wholeNumber(3, "timestamp");
                u[n] = users.add(reader.text(0));
                i[n] = items.add(reader.text(1));
                n++;
            }
        }
        Interactions all = Interactions.adopt(users.size(), items.size(), Arrays.copyOf(u, n), Arrays.copyOf(i, n),
                Arrays.copyOf(r, n), Arrays.copyOf(t, n));
        users.build();
        items.build();
        return all.size();
    }

    private static long loadNaively(Path file) throws IOException {
        IdIndex.Builder users = IdIndex.builder();
        IdIndex.Builder items = IdIndex.builder();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            int[] u = new int[1024];
            int[] i = new int[1024];
            float[] r = new float[1024];
            long[] t = new long[1024];
            int n = 0;
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                if (n == u.length) {
                    u = Arrays.copyOf(u, n * 2);
                    i = Arrays.copyOf(i, n * 2);
                    r = Arrays.copyOf(r, n * 2);
                    t = Arrays.copyOf(t, n * 2);
                }
                u[n] = users.add(f[0]);
                i[n] = items.add(f[1]);
                r[n] = Float.parseFloat(f[2]);
                t[n] = Long.parseLong(f[3]);
                n++;
            }
            // Interactions.Builder needs the id-space sizes up front, which a one-pass reader only
            // knows at the end: copy the rows in (as a simple loader would)
            Interactions.Builder rows = Interactions.builder(users.size(), items.size(), true, true);
            for (int k = 0; k < n; k++) {
                rows.add(u[k], i[k], r[k], t[k]);
            }
            u = null;
            i = null;
            r = null;
            t = null;
            Interactions all = rows.build();
            users.build();
            items.build();
            return all.size();
        }
    }

    /** Polls the used heap every few milliseconds and keeps the maximum. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            running.set(false);
            join();
            return peak.get();
        }
    }
}
