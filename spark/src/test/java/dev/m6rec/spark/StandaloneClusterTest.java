package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.tune.TrialRecord;
import dev.m6rec.runtime.Recommendation;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALS and batch top-K on a real standalone cluster (a master and two workers, separate JVMs on
 * 127.0.0.1, executors as further JVMs, M6-Rec's jars shipped through {@code spark.jars}); one
 * worker is killed while the batch job runs, and every user still appears exactly once. Then the
 * similarity's all-pairs job runs on the remaining executor and gives the single-machine lists. Before
 * the batch job, a short tuning study runs its trials as tasks there and journals what it journals
 * without Spark.
 */
class StandaloneClusterTest {
    private static final int USERS = 300;
    private static final long MINUTE_MS = 60_000;
    /** Models without native BLAS, which the executors here do not get (see {@link #m6recJars}). */
    private static final String KNN_STUDY = """
            seed: 11
            threads: 2
            data: { type: synthetic, users: 120, items: 60 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            similarity: { type: cosine, source: interactions, neighbours: 20 }
            interest: { type: item-knn }
            evaluation: { metrics: [ndcg@10], validation-metric: ndcg@10 }
            optimizer:
              type: random
              trials: 2
              parallel: 2
              space: { interest.neighbours: { int: [2, 30] }, similarity.shrinkage: { float: [0, 20] } }
            """;

    @TempDir
    Path dir;

    @Test
    void alsTuningTrialsAndBatchTopKRunOnTheClusterAndSurviveALostWorker() throws Exception {
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        Path sparkLib = Path.of(System.getProperty("m6rec.sparkLib"));
        try (StandaloneCluster cluster = StandaloneCluster.start(dir, sparkLib, 2)) {
            SparkSession spark = SparkSession.builder().master(cluster.url()).appName("StandaloneClusterTest")
                    .config("spark.jars", String.join(",", m6recJars(sparkLib)))
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.executor.memory", "512m")
                    .config("spark.executor.cores", "1").config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            try {
                awaitExecutors(spark, 2);
                TaskLog tasks = new TaskLog();
                spark.sparkContext().addSparkListener(tasks);

                Path artifact = TrainedArtifacts.train(dir, "als", "{ type: als, rank: 4, iterations: 2, blocks: 2 }",
                        USERS);
                assertThat(tasks.executors).as("ALS ran in executor JVMs").isNotEmpty().doesNotContain("driver");

                // Tuning trials as tasks, two at once: each executor JVM finds the plugins, loads the data, trains.
                List<TrialRecord> local = SparkTrialRunnerTest.runStudy(dir.resolve("local.jsonl"), KNN_STUDY);
                tasks.executors.clear();
                List<TrialRecord> onCluster = SparkTrialRunnerTest.runStudy(dir.resolve("cluster.jsonl"),
                        KNN_STUDY + SparkTrialRunnerTest.ON_SPARK);
                spark.sparkContext().listenerBus().waitUntilEmpty();
                assertThat(tasks.executors).as("trials ran in executor JVMs").isNotEmpty().doesNotContain("driver");
                SparkTrialRunnerTest.assertSameTrials(onCluster, local);

                tasks.killOnFirstStart(() -> cluster.kill(0));
                BatchTopK.Summary summary = BatchTopK.run(spark, artifact, new BatchTopK.Options(5, 8, 24),
                        dir.resolve("top5"));

                assertThat(tasks.killed.get()).isTrue();
                assertThat(tasks.failed.get()).as("tasks lost with the worker were run again").isPositive();
                Map<String, List<Recommendation>> lists = BatchTopKTest.parquetLists(spark, summary.parquet());
                assertThat(lists).hasSize(USERS).allSatisfy((user, list) -> assertThat(list).hasSize(5));
                assertThat(lists).isEqualTo(BatchTopKTest.expectedLists(artifact, 5, 24, 8));
                assertThat(BatchTopKTest.tsvLines(summary.tsv())).hasSize(USERS * 5).doesNotHaveDuplicates();

                // The similarity over interactions as a job on the cluster (one worker left): the single-machine lists.
                TaskLog similarityTasks = new TaskLog();
                spark.sparkContext().addSparkListener(similarityTasks);
                SparkSimilarityPipelineTest.assertSameAsWithoutSpark(Files.createDirectories(dir.resolve("similarity")));
                assertThat(similarityTasks.executors).as("all pairs ran in executor JVMs").isNotEmpty()
                        .doesNotContain("driver");
            } finally {
                spark.stop();
            }
        }
    }

    /** Records where tasks ran and which failed; kills once, off the listener thread, when the next task starts. */
    private static final class TaskLog extends SparkListener {
        final Set<String> executors = java.util.Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger failed = new AtomicInteger();
        final AtomicBoolean killed = new AtomicBoolean();
        private volatile Runnable kill;

        void killOnFirstStart(Runnable action) {
            kill = action;
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            executors.add(start.taskInfo().executorId());
            Runnable action = kill;
            if (action != null && killed.compareAndSet(false, true)) {
                action.run();
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo().failed()) {
                failed.incrementAndGet();
            }
        }
    }

    /** Waits (on the condition, generously) until the cluster gave the application {@code count} executors. */
    private static void awaitExecutors(SparkSession spark, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5 * MINUTE_MS;
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < count + 1) {
            assertThat(System.currentTimeMillis()).as("executors registered in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * What executors need besides Spark: this test's class path without Spark's closure (the workers'
     * Spark home has it) and without the deep-learning plugin and its native libraries, which no job here
     * loads (an executor that finds the plugin must also find ND4J to register it); class folders
     * are packed into jars, since spark.jars takes jars.
     */
    private List<String> m6recJars(Path sparkLib) throws IOException {
        Set<String> spark = new HashSet<>();
        try (Stream<Path> jars = Files.list(sparkLib)) {
            jars.forEach(p -> spark.add(p.getFileName().toString()));
        }
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (spark.contains(name) || name.matches("(nd4j|javacpp|openblas|deeplearning4j|smile|m6rec-plugin-dl4j).*")
                    || entry.contains("/org/apache/spark/") || entry.contains("/org/scala-lang/")
                    || entry.contains("/plugins/dl4j/")) { // the plugin's classes in a reactor build, without ND4J
                continue;
            }
            if (Files.isDirectory(path)) {
                out.add(jar(path, dir.resolve("shipped-" + out.size() + ".jar")).toString());
            } else if (Files.isRegularFile(path)) {
                out.add(path.toString());
            }
        }
        return out;
    }

    private static Path jar(Path folder, Path target) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) jar);
                jar.closeEntry();
            }
        }
        return target;
    }
}
