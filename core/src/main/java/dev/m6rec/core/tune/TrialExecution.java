package dev.m6rec.core.tune;

import dev.m6rec.api.M6RecException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.optimize.TrialResult;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.EvaluationScope;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.PipelineTrainer;
import dev.m6rec.core.pipeline.TrainedRun;
import dev.m6rec.core.run.PipelineRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One trial from its config to its outcome: train the pipeline (pruned by the median rule on its
 * per-epoch validation values), score it on validation as its run would report its validation
 * figure (evaluation.ranking, max-users), and say how it ended. The one body of a trial, whether the
 * study runs it on its own threads or an engine runs it in a task ({@link TrialTask#execute}), so
 * both give the same value for the same trial.
 */
final class TrialExecution {
    private TrialExecution() {
    }

    /**
     * @param configOf the trial's validated config; a user error it throws fails the trial
     * @param splitOf  the split to train on, given the trial's trainer (a study's shared split, or its own)
     * @param spark    the engine the trial's components may train on (none inside an engine's task)
     */
    static TrialOutcome run(Supplier<RunConfig> configOf, Function<PipelineTrainer, DataSplit> splitOf,
                            MetricSpec metric, MedianPruner pruner, int threads, Path baseDir,
                            Function<RunConfig, Optional<SparkSettings>> spark) {
        long start = System.nanoTime();
        Curve curve = new Curve();
        ExecutorService executor = PipelineRun.newExecutor(threads);
        try {
            RunConfig trialConfig = configOf.get();
            DefaultPluginContext context = new DefaultPluginContext(trialConfig.seed(), "run", executor, threads,
                    ProgressReporter.silent(), baseDir, spark.apply(trialConfig));
            PipelineTrainer trainer = new PipelineTrainer(trialConfig, context, value -> {
                curve.add(value);
                if (pruner.shouldPrune(curve.size() - 1, value)) {
                    throw new TrialPrunedException(curve.size() - 1, value);
                }
            });
            DataSplit split = splitOf.apply(trainer);
            TrainedRun trained = trainer.trainOn(split, 0);
            try {
                Evaluator evaluator = new Evaluator(List.of(metric), executor, threads, EvaluationScope.options(
                        trialConfig.evaluation(), trialConfig.seed(), split.train(), Optional.empty()));
                double value = evaluator.evaluate(trained.pipeline().interest(), trained.trainHistories()::profile,
                        split.valid(), EvaluationScope.users(trialConfig.evaluation(), split.valid(),
                                context.evaluationUsers())).get(metric.toString());
                TrialResult result = TrialResult.complete(value);
                return new TrialOutcome(result.state(), value, curve.values(), seconds(start),
                        result.isComplete() ? null : "metric is NaN");
            } finally {
                trained.pipeline().close();
            }
        } catch (TrialPrunedException e) {
            return new TrialOutcome(TrialResult.State.PRUNED, e.lastValue(), curve.values(), seconds(start), null);
        } catch (M6RecException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return TrialOutcome.failed(e, curve.values(), seconds(start));
        } finally {
            executor.shutdownNow();
        }
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The per-epoch validation values; models report them from their training thread. */
    private static final class Curve {
        private double[] values = new double[0];

        synchronized void add(double value) {
            values = java.util.Arrays.copyOf(values, values.length + 1);
            values[values.length - 1] = value;
        }

        synchronized int size() {
            return values.length;
        }

        synchronized double[] values() {
            return values.clone();
        }
    }
}
