package dev.m6rec.core.tune;

import dev.m6rec.core.config.RunConfig;

/**
 * Runs a study's trials somewhere other than the study's own threads, e.g. each as a Spark task in
 * an executor (module {@code m6rec-spark}). Found with {@link java.util.ServiceLoader} when the
 * config has a {@code spark:} section; the first runner that {@linkplain #runs runs} the config takes
 * every trial, and without one the trials run in the study's JVM as they do without the section.
 * The study still asks and tells, keeps {@code optimizer.parallel} trials in flight by calling
 * {@link #run} from that many threads, and writes the journal; a runner only turns a
 * {@link TrialTask} into its {@link TrialOutcome}, typically by calling {@link TrialTask#execute}
 * where it runs.
 *
 * <pre>{@code
 * # META-INF/services/dev.m6rec.core.tune.TrialRunner
 * dev.m6rec.spark.SparkTrialRunner
 * }</pre>
 */
public interface TrialRunner {
    /** Whether this runner takes the trials of a study of {@code config} (the study's validated config). */
    boolean runs(RunConfig config);

    /** Where the trials run, for the study's log ("as Spark tasks on local[2]"). */
    String describe(RunConfig config);

    /**
     * Runs one trial to its end and returns how it ended; called from several threads at once. A
     * trial that fails the way a user can cause comes back as a failed outcome, not an exception;
     * an exception here (a bug, an engine that gave up) ends the study as it does without a runner.
     * An engine that retries a lost task must return one outcome per call, whatever it retried.
     */
    TrialOutcome run(RunConfig config, TrialTask task);
}
