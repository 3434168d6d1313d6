package dev.m6rec.bench.spark;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.plugins.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * bench/spark/run.sh's Java side: a MovieLens-20M-shaped dataset ({@link MovieLensShapedData}) run
 * end to end on {@code local[2]} by M6-Rec ({@link M6RecSteps}), then Spark MLlib's own ALS
 * pipeline on the same training rows ({@link MllibAlsPeer}); every step timed and its memory
 * sampled ({@link StepMeter}). Prints a line per step, the ratios M6-Rec / MLlib for ALS training
 * and for every user's top-10, and writes the figures to {@code WORK/results-SCALE.tsv}.
 *
 * <p>To add a step: a method on {@link M6RecSteps} and one {@code meter.measure} line below, in
 * pipeline order.
 *
 * <pre>
 * java -cp ... dev.m6rec.bench.spark.SparkBench 1m /tmp/m6rec-bench-spark [rank iterations]
 * </pre>
 */
public final class SparkBench {
    private static final long SEED = 42;
    private static final int TOP_K = 10;
    /** Users the facade's own (single-machine) evaluation samples; the full evaluation is a step of its own. */
    /** Neighbours per item of the item-knn step's cosine similarity. */
    private static final int NEIGHBOURS = 50;

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SparkBench SCALE WORK_DIR [RANK ITERATIONS]   (SCALE: 1m, 5m, 20m)");
            System.exit(2);
        }
        String scale = args[0];
        Path work = Path.of(args[1]).toAbsolutePath();
        AlsParameters als = new AlsParameters(args.length > 2 ? Integer.parseInt(args[2]) : 32,
                args.length > 3 ? Integer.parseInt(args[3]) : 10, 0.1, 1.0);
        MovieLensShapedData shape = MovieLensShapedData.ofScale(scale, SEED);
        Path data = work.resolve("data-" + scale + "-seed" + SEED);
        Path run = work.resolve("run-" + scale);
        deleteRecursively(run);
        Files.createDirectories(run);

        SparkSession spark = SparkSessions.obtain(Optional.of(new SparkSettings("local[2]", Map.of(
                "spark.sql.shuffle.partitions", Integer.toString(shape.shufflePartitions()),
                "spark.local.dir", run.resolve("spark-local").toString()))));
        System.out.printf(Locale.ROOT, "scale %s: %,d users x %,d items (MovieLens-20M's shape), seed %d; ALS rank %d, "
                        + "%d iterations, regularization %s, implicit alpha %s; Spark %s %s%n", scale, shape.users(),
                MovieLensShapedData.ML20M_ITEMS, SEED, als.rank(), als.iterations(), als.regularization(), als.alpha(),
                spark.version(), spark.sparkContext().master());
        System.out.println("memory: one JVM on local[2] (driver = executors): peak heap in use and process RSS, "
                + "sampled every " + StepMeter.SAMPLE_MILLIS + " ms during each step, and the collectors' seconds; -Xmx "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        System.out.println(StepMeter.Figures.HEADER);

        try (StepMeter meter = new StepMeter()) {
            long rows = dataset(meter, shape, spark, data);
            M6RecSteps m6rec = new M6RecSteps(spark, run, SEED, als);
            MllibAlsPeer mllib = new MllibAlsPeer(spark, als, SEED);
            Path trainParquet = run.resolve("train-parquet");
            long read = meter.measure("read-parquet", rows, "rows", () -> m6rec.read(data));
            long kept = meter.measure("k-core", read, "rows", () -> m6rec.kCore(read));
            meter.measure("split", kept, "rows", m6rec::split);
            meter.measure("hand-off-tsv", kept, "rows", m6rec::exportTsv);
            meter.measure("train-parquet-mllib", m6rec.trainRows(), "rows",
                    () -> MllibAlsPeer.writeTrainingSet(m6rec.labelled(), trainParquet, m6rec.trainRows()));
            m6rec.releaseCaches();
            meter.measure("als-warm-up", () -> mllib.warmUp(trainParquet));
            meter.measure("als-m6rec", m6rec.trainRows(), "rows", m6rec::trainAls);
            long users = meter.measure("top10-m6rec", shape.users(), "users", () -> m6rec.topK(TOP_K));
            meter.measure("item-knn-m6rec", m6rec.trainRows(), "rows", () -> m6rec.trainItemKnn(NEIGHBOURS));
            meter.measure("als-mllib", m6rec.trainRows(), "rows", () -> {
                mllib.fit(trainParquet);
                return 0;
            });
            long mllibUsers = meter.measure("top10-mllib", users, "users", () -> mllib.recommendForAllUsers(TOP_K,
                    run.resolve("mllib-top" + TOP_K)));

            report(meter, m6rec, users, mllibUsers);
            writeResults(meter, work.resolve("results-" + scale + ".tsv"), m6rec.training());
        } finally {
            spark.stop();
        }
    }

    /** The generated Parquet, made once per scale and seed and reused by later runs. */
    private static long dataset(StepMeter meter, MovieLensShapedData shape, SparkSession spark, Path data)
            throws Exception {
        Path complete = data.resolve("_COMPLETE_ROWS");
        if (Files.exists(complete)) {
            long rows = Long.parseLong(Files.readString(complete).trim());
            System.out.printf(Locale.ROOT, "%-20s (reused %s: %,d rows)%n", "generate", data, rows);
            return rows;
        }
        deleteRecursively(data);
        Interactions[] generated = new Interactions[1];
        long rows = meter.measure("generate", () -> {
            generated[0] = shape.generate();
            return generated[0].size();
        });
        meter.measure("write-parquet", rows, "rows", () -> MovieLensShapedData.writeParquet(spark, generated[0], data));
        Files.writeString(complete, rows + "\n");
        return rows;
    }

    private static void report(StepMeter meter, M6RecSteps m6rec, long users, long mllibUsers) {
        M6RecSteps.Training trained = m6rec.training();
        double fit = trained.fitMillis() / 1000.0;
        describe("als-m6rec", trained, "ALS fit");
        describe("item-knn-m6rec", m6rec.itemKnn(), "cosine all-pairs top-" + NEIGHBOURS + " on Spark");
        System.out.printf(Locale.ROOT, "  trained on the Spark split's rows: %s%n",
                m6rec.trainingRowsAgree() ? "yes" : "NO (row counts differ)");
        System.out.printf(Locale.ROOT, "  users listed: m6rec %,d, mllib %,d%n", users, mllibUsers);
        double als = meter.seconds("als-mllib");
        double top = meter.seconds("top10-mllib");
        System.out.printf(Locale.ROOT, "ratio m6rec / mllib, ALS training (m6rec's fit inside als-m6rec): %.2f "
                + "(%.2f s / %.2f s)%n", fit / als, fit, als);
        System.out.printf(Locale.ROOT, "ratio m6rec / mllib, top-10 for every user (BatchTopK / "
                + "recommendForAllUsers): %.2f (%.2f s / %.2f s)%n", meter.seconds("top10-m6rec") / top,
                meter.seconds("top10-m6rec"), top);
    }

    /** The facade's phases of one step: load, filter and split on Spark, the fit, the evaluation on Spark. */
    private static void describe(String step, M6RecSteps.Training trained, String fit) {
        System.out.printf(Locale.ROOT, "  %s: load, filter and split on Spark %.2f s, %s %.2f s, evaluation of every "
                        + "valid and test user on Spark %.2f s (test ndcg@10 %.4f, recall@10 %.4f)%n", step,
                trained.loadMillis() / 1000.0, fit, trained.fitMillis() / 1000.0, trained.evaluateMillis() / 1000.0,
                trained.ndcg(), trained.recall());
    }

    private static void writeResults(StepMeter meter, Path file, M6RecSteps.Training trained) throws IOException {
        StringBuilder out = new StringBuilder();
        for (StepMeter.Figures f : meter.figures()) {
            out.append(f.tsv()).append('\n');
        }
        // The ALS fit alone, as the ratio counts it.
        out.append(String.join("\t", "als-m6rec-fit", String.format(Locale.ROOT, "%.3f",
                trained.fitMillis() / 1000.0), Long.toString(trained.trainRows()), "rows", "0", "0", "0")).append('\n');
        Files.writeString(file, out);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
