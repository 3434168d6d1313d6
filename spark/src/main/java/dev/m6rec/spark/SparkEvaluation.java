package dev.m6rec.spark;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.UserOutcome;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.run.EvaluationEngine;
import dev.m6rec.plugins.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A run's valid and test evaluation on Spark ({@code m6rec run} with a {@code spark:} section):
 * the trained pipeline's artifact bytes are broadcast once per run and loaded once per executor JVM
 * ({@link ExecutorPipelines}, as {@link BatchTopK} does); each task gets one contiguous range of the
 * pass's users, whole chunks of the single-machine evaluator's, with their profiles and held-out
 * rows ({@link EvaluationSlice}, cut on the driver: no split is broadcast), and computes their
 * outcomes with core's own {@link Evaluator}; the driver collects them in user order and reduces
 * them there, so the figures equal the single-machine run's whatever the partitioning. Found by core's {@code PipelineRun} through {@code META-INF/services}.
 *
 * <pre>{@code
 * try (EvaluationEngine.Session s = new SparkEvaluation().open(pipeline, config, progress)) {
 *     UserOutcome[] outcomes = s.outcomes(evaluator, histories::profile, split.test(), users);
 * }
 * }</pre>
 */
public final class SparkEvaluation implements EvaluationEngine {
    private final int partitions;

    /** Twice Spark's default parallelism tasks per pass. */
    public SparkEvaluation() {
        this(0);
    }

    /** @param partitions tasks per pass; 0 = twice Spark's default parallelism */
    SparkEvaluation(int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0: " + partitions);
        }
        this.partitions = partitions;
    }

    @Override
    public Session open(FittedPipeline pipeline, RunConfig config, ProgressReporter progress) {
        SparkSession spark = SparkSessions.obtain(config.spark());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ArtifactBytes bytes = ArtifactBytes.of(pipeline, config);
        int tasks = partitions > 0 ? partitions : 2 * jsc.defaultParallelism();
        progress.info(String.format("evaluating on Spark (%s, up to %d tasks per pass; the pipeline's %.1f MB broadcast)",
                jsc.master(), tasks, bytes.size() / 1e6));
        return new BroadcastSession(jsc, jsc.broadcast(bytes), tasks, progress);
    }

    /** The broadcast artifact of one run. */
    private record BroadcastSession(JavaSparkContext jsc, Broadcast<ArtifactBytes> artifact, int tasks,
                                    ProgressReporter progress) implements Session {
        @Override
        public UserOutcome[] outcomes(Evaluator evaluator, IntFunction<UserProfile> profiles, Interactions targets,
                                      int[] users) {
            // Each task takes whole chunks of the single-machine evaluator, so every user is scored in the same block.
            int[] bounds = Evaluator.chunkBounds(users.length);
            List<EvaluationSlice> slices = new ArrayList<>();
            for (UserRanges.Range r : UserRanges.split(bounds.length - 1, tasks)) {
                slices.add(EvaluationSlice.of(users, bounds, r.from(), r.to(), profiles, targets));
            }
            if (slices.isEmpty()) {
                return new UserOutcome[0];
            }
            long start = System.nanoTime();
            EvaluationPass pass = EvaluationPass.of(evaluator);
            Broadcast<ArtifactBytes> shared = artifact;
            // collect() keeps partition order, and the slices are consecutive ranges of the ascending users.
            List<UserOutcome[]> parts = jsc.parallelize(slices, slices.size())
                    .map(slice -> pass.outcomes(shared.value(), slice)).collect();
            UserOutcome[] all = new UserOutcome[users.length];
            int at = 0;
            for (UserOutcome[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            if (at != users.length) {
                throw new IllegalStateException(at + " outcomes came back for " + users.length + " users");
            }
            progress.info(String.format("%d users evaluated on Spark in %d tasks (%.1fs)", users.length, slices.size(),
                    (System.nanoTime() - start) / 1e9));
            return all;
        }

        @Override
        public void close() {
            ExecutorPipelines.release(artifact.value());
            artifact.destroy();
        }
    }
}
