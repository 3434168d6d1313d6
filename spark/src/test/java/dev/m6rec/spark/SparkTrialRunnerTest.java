package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.TrialResult;
import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.tune.MedianPruner;
import dev.m6rec.core.tune.Study;
import dev.m6rec.core.tune.StudyJournal;
import dev.m6rec.core.tune.TrialOutcome;
import dev.m6rec.core.tune.TrialRecord;
import dev.m6rec.core.tune.TrialTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec tune} with a {@code spark:} section: every trial is a Spark job on {@code local[2]}, two
 * in flight, and the journal holds exactly what the same study writes without Spark.
 */
class SparkTrialRunnerTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover(SparkTrialRunnerTest.class.getClassLoader(),
            List.of());
    /** A random search of bpr on small synthetic data: %d is the number of trials. */
    static final String RANDOM_STUDY = """
            seed: 11
            threads: 2
            data: { type: synthetic, users: 120, items: 60 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            interest: { type: bpr, factors: 8, epochs: 3 }
            evaluation: { metrics: [ndcg@10], validation-metric: ndcg@10 }
            optimizer:
              type: random
              trials: %d
              parallel: 2
              space:
                interest.learning-rate: { log-float: [0.01, 0.2] }
                interest.factors: { int: [4, 16] }
            """;
    /** A grid whose second point is refused by bpr's validation: that trial fails, the study goes on. */
    private static final String FAILING_STUDY = """
            seed: 11
            threads: 2
            data: { type: synthetic, users: 120, items: 60 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            interest: { type: bpr, factors: 8, epochs: 2 }
            optimizer: { type: grid, trials: 2, parallel: 2, space: { interest.factors: { choice: [6, 0] } } }
            """;
    /**
     * One trial at a time of a model that reports a validation value per epoch: each task's pruner
     * snapshot holds every earlier trial, as the study's own pruner does, so the same trials are pruned.
     */
    private static final String PRUNED_STUDY = """
            seed: 11
            threads: 1
            data: { type: synthetic, users: 120, items: 60 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            interest: { type: mlp, embedding: 8, hidden: [16], epochs: 4, negatives: 2 }
            evaluation: { metrics: [ndcg@10], validation-metric: ndcg@10 }
            optimizer:
              type: random
              trials: 8
              parallel: 1
              space: { interest.learning-rate: { log-float: [0.0003, 0.03] } }
            """;
    static final String ON_SPARK = "spark: { master: 'local[2]' }\n";

    @TempDir
    Path dir;

    private SparkSession spark;
    private JobLog jobs;

    @BeforeEach
    void listen() {
        spark = LocalSpark.session();
        jobs = new JobLog(spark);
        spark.sparkContext().addSparkListener(jobs);
    }

    @AfterEach
    void stopListening() {
        spark.sparkContext().removeSparkListener(jobs);
    }

    @Test
    void aStudyOnSparkWritesTheJournalTheSameStudyWritesWithoutIt() throws IOException {
        List<TrialRecord> local = study("local", RANDOM_STUDY.formatted(4));
        assertThat(jobs.trials()).as("a config without spark: starts no Spark job").isEmpty();
        List<TrialRecord> onSpark = study("spark", RANDOM_STUDY.formatted(4) + ON_SPARK);

        assertThat(jobs.trials()).as("one Spark job per trial").containsExactly(0, 1, 2, 3);
        assertThat(local).extracting(TrialRecord::state).containsOnly(TrialResult.State.COMPLETE);
        assertSameTrials(onSpark, local);
        assertThat(local.stream().mapToDouble(TrialRecord::value).distinct().count()).as("the trials differ").isEqualTo(4);
    }

    @Test
    void aStudyResumedOnSparkRunsOnlyTheMissingTrials() throws IOException {
        List<TrialRecord> local = study("local", RANDOM_STUDY.formatted(4));
        Path journal = dir.resolve("resumed.jsonl");
        List<TrialRecord> first = study(journal, RANDOM_STUDY.formatted(2) + ON_SPARK);
        assertThat(first).hasSize(2);
        jobs.clear();

        List<TrialRecord> resumed = study(journal, RANDOM_STUDY.formatted(4) + ON_SPARK);

        assertThat(jobs.trials()).as("finished trials are not run again").containsExactly(2, 3);
        assertThat(resumed.subList(0, 2)).isEqualTo(first);
        assertSameTrials(resumed, local);
    }

    @Test
    void aTrialThatFailsInTheExecutorIsRecordedAsFailedWithItsErrorLine() throws IOException {
        List<TrialRecord> local = study("local", FAILING_STUDY);
        List<TrialRecord> onSpark = study("spark", FAILING_STUDY + ON_SPARK);

        assertThat(jobs.trials()).containsExactly(0, 1);
        TrialRecord failed = sorted(onSpark).get(1);
        assertThat(failed.state()).isEqualTo(TrialResult.State.FAILED);
        assertThat(failed.error()).startsWith("ConfigException: ").contains("interest.factors");
        assertThat(sorted(onSpark).get(0).state()).isEqualTo(TrialResult.State.COMPLETE);
        assertSameTrials(onSpark, local);
    }

    @Test
    void aTrialOnSparkIsPrunedAgainstTheTrialsCompletedBeforeItStarted() throws IOException {
        List<TrialRecord> local = study("local", PRUNED_STUDY);
        List<TrialRecord> onSpark = study("spark", PRUNED_STUDY + ON_SPARK);

        assertThat(jobs.trials()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(local).as("the median rule stops some trials").extracting(TrialRecord::state)
                .contains(TrialResult.State.PRUNED, TrialResult.State.COMPLETE);
        assertThat(local).allSatisfy(r -> assertThat(r.intermediate()).isNotEmpty());
        assertSameTrials(onSpark, local);
    }

    @Test
    void takesTheTrialsOfASparkConfigUnlessItsPipelineTrainsOnSparkItself() {
        SparkTrialRunner runner = new SparkTrialRunner();
        assertThat(runner.runs(validated(RANDOM_STUDY.formatted(2) + ON_SPARK))).isTrue();
        assertThat(runner.runs(validated(RANDOM_STUDY.formatted(2)))).as("no spark: section").isFalse();
        assertThat(runner.runs(validated(RANDOM_STUDY.formatted(2).replace("{ type: bpr, factors: 8, epochs: 3 }",
                "{ type: als, rank: 4 }").replace("interest.learning-rate: { log-float: [0.01, 0.2] }",
                "interest.regularization: { float: [0.01, 0.2] }").replace("interest.factors: { int: [4, 16] }",
                "interest.rank: { int: [2, 8] }") + ON_SPARK)))
                .as("als starts Spark jobs, which a task cannot").isFalse();
    }

    @Test
    void aTaskAndItsOutcomeCrossKryoAsBytes() {
        TrialTask task = new TrialTask(0, RANDOM_STUDY.formatted(1), null, null, "ndcg@10", 1,
                new MedianPruner(Direction.MAXIMIZE, 5, 1));
        SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance(); // cannot rebuild records itself

        byte[] result = SparkTrialRunner.execute(kryoRoundTrip(kryo, JavaObjectBytes.write(task)));
        TrialOutcome outcome = JavaObjectBytes.read(kryoRoundTrip(kryo, result), TrialOutcome.class);

        assertThat(outcome.state()).isEqualTo(TrialResult.State.COMPLETE);
        assertThat(outcome.value()).isEqualTo(task.execute().value());
    }

    private static byte[] kryoRoundTrip(SerializerInstance kryo, byte[] bytes) {
        scala.reflect.ClassTag<byte[]> tag = scala.reflect.ClassTag$.MODULE$.apply(byte[].class);
        return kryo.deserialize(kryo.serialize(bytes, tag), tag);
    }

    private static RunConfig validated(String yaml) {
        return RunConfigValidator.validate(new ConfigLoader(name -> null, name -> null).parse(yaml, null, List.of()),
                REGISTRY);
    }

    /** Runs the study of {@code yaml} (a file in the temp folder) and returns its journal. */
    private List<TrialRecord> study(String name, String yaml) throws IOException {
        return study(dir.resolve(name + ".jsonl"), yaml);
    }

    private List<TrialRecord> study(Path journal, String yaml) throws IOException {
        return runStudy(journal, yaml);
    }

    /** Runs the study of {@code yaml}, written beside {@code journal}, and returns the journal it wrote. */
    static List<TrialRecord> runStudy(Path journal, String yaml) throws IOException {
        Path file = journal.resolveSibling(journal.getFileName() + ".yaml");
        Files.writeString(file, yaml);
        RawConfig raw = ConfigLoader.load(file, List.of());
        RunConfig config = RunConfigValidator.validate(raw, REGISTRY);
        new Study(raw, config, REGISTRY, ProgressReporter.silent(), journal).run();
        return new StudyJournal(journal).read();
    }

    /** Same trials in trial-number order: parameters, states, values, curves and error lines (not wall times). */
    static void assertSameTrials(List<TrialRecord> actual, List<TrialRecord> expected) {
        assertThat(sorted(actual).stream().map(SparkTrialRunnerTest::withoutTime).toList())
                .isEqualTo(sorted(expected).stream().map(SparkTrialRunnerTest::withoutTime).toList());
    }

    /** A record's fields but its wall time; values compare as {@link Double#equals} does (NaN equals NaN). */
    private static List<Object> withoutTime(TrialRecord r) {
        return java.util.Arrays.asList(r.number(), r.params(), r.state(), r.value(), r.intermediate(), r.error());
    }

    private static List<TrialRecord> sorted(List<TrialRecord> records) {
        return records.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
    }

    /** The trial numbers of the Spark jobs started, from their descriptions. */
    private static final class JobLog extends SparkListener {
        private final List<Integer> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final SparkSession spark;

        JobLog(SparkSession spark) {
            this.spark = spark;
        }

        /** The trials whose jobs started so far, in number order; a trial run twice appears twice. */
        List<Integer> trials() {
            try {
                spark.sparkContext().listenerBus().waitUntilEmpty(); // listener events arrive asynchronously
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(e);
            }
            return started.stream().sorted().toList();
        }

        void clear() {
            trials();
            started.clear();
        }

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            String description = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
            if (description != null && description.startsWith("m6rec tune: trial ")) {
                started.add(Integer.parseInt(description.substring("m6rec tune: trial ".length())));
            }
        }
    }
}
