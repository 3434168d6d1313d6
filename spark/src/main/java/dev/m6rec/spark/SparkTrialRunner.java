package dev.m6rec.spark;

import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.tune.TrialOutcome;
import dev.m6rec.core.tune.TrialRunner;
import dev.m6rec.core.tune.TrialTask;
import dev.m6rec.plugins.spark.SparkPlugin;
import dev.m6rec.plugins.spark.SparkSessions;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code m6rec tune} on Spark: each trial is one Spark job of one task, which trains the trial's
 * pipeline in an executor ({@link TrialTask#execute}) and returns its outcome. The study's threads
 * submit these jobs, so {@code optimizer.parallel} trials are in flight at once (Spark runs jobs from
 * several threads concurrently), while the driver asks, tells and writes the journal. A task lost
 * with its executor is run again by Spark; a trial is deterministic, and the study records the one
 * result its job returns. Task and outcome travel as bytes, so any {@code spark.serializer} carries them.
 * <p>
 * A config whose pipeline already trains on Spark ({@code als}) is not taken: a task cannot start
 * jobs of its own, so such trials stay on the driver's threads and each runs its own Spark jobs.
 */
public final class SparkTrialRunner implements TrialRunner {
    @Override
    public boolean runs(RunConfig config) {
        return config.spark().isPresent() && config.components().stream()
                .noneMatch(c -> c.registered().plugin().plugin() instanceof SparkPlugin);
    }

    @Override
    public String describe(RunConfig config) {
        return "as Spark tasks on " + session(config).sparkContext().master();
    }

    @Override
    public TrialOutcome run(RunConfig config, TrialTask task) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session(config).sparkContext());
        // Local properties are per thread: each study thread labels its own job.
        jsc.setJobDescription("m6rec tune: trial " + task.number());
        List<byte[]> outcome = jsc.parallelize(List.of(JavaObjectBytes.write(task)), 1)
                .map(SparkTrialRunner::execute).collect();
        return JavaObjectBytes.read(outcome.get(0), TrialOutcome.class);
    }

    /** The task's body in the executor: a trial in, its outcome out, both as bytes ({@link JavaObjectBytes}). */
    static byte[] execute(byte[] task) {
        return JavaObjectBytes.write(JavaObjectBytes.read(task, TrialTask.class).execute());
    }

    private static SparkSession session(RunConfig config) {
        return SparkSessions.obtain(config.spark());
    }
}
