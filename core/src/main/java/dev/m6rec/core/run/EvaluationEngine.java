package dev.m6rec.core.run;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.UserOutcome;
import dev.m6rec.core.pipeline.FittedPipeline;
import java.util.function.IntFunction;

/**
 * Scores a run's valid and test users somewhere else than this JVM when the config has a
 * {@code spark:} section: the per-user half of an evaluation pass ({@link Evaluator#outcomes})
 * runs on the engine's workers, and {@link PipelineRun} reduces the outcomes here
 * ({@link Evaluator#combine}), so the run reports exactly what it would report on one machine.
 * Core has no engine of its own: the {@code m6rec-spark} module provides one through
 * {@code META-INF/services}, found only when it is on the class path.
 *
 * <pre>{@code
 * try (EvaluationEngine.Session session = engine.open(pipeline, config, progress)) {
 *     UserOutcome[] outcomes = session.outcomes(evaluator, histories::profile, split.test(), users);
 *     Evaluation pass = evaluator.combine(users, outcomes, split.test().numItems(), groups);
 * }
 * }</pre>
 */
public interface EvaluationEngine {
    /**
     * Makes {@code pipeline}, trained with {@code config}, available to the workers (for Spark: its
     * artifact's bytes, broadcast and loaded once per executor). Nothing is written where the run's
     * outputs go.
     */
    Session open(FittedPipeline pipeline, RunConfig config, ProgressReporter progress);

    /** One trained pipeline on the workers, for the passes of one run. */
    interface Session extends AutoCloseable {
        /**
         * What {@code evaluator.outcomes(pipeline.interest(), PipelineRun.ranker(config.recommend(), pipeline),
         * profiles, targets, users)} gives on this machine, computed by the workers.
         *
         * @param profiles each user's profile for this pass, read here and shipped with the user
         * @param users    ascending user indexes, each with rows in {@code targets}
         */
        UserOutcome[] outcomes(Evaluator evaluator, IntFunction<UserProfile> profiles, Interactions targets, int[] users);

        /** Releases what {@link #open} shipped. */
        @Override
        void close();
    }
}
