package dev.m6rec.spark;

import dev.m6rec.core.eval.EvaluationOptions;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.eval.UserOutcome;
import dev.m6rec.core.run.PipelineRun;
import dev.m6rec.runtime.M6Rec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What an executor needs to rebuild the driver's {@link Evaluator} for one pass: the metrics and
 * the ranking protocol (sampling, negatives, seed, training popularity). The similarity model of
 * the options stays behind: only intra-list diversity reads it, and list metrics are reduced on
 * the driver.
 */
record EvaluationPass(String[] metricNames, int[] metricKs, boolean sampled, int negatives,
                      boolean popularitySampling, long seed, int[] itemPopularity, int trainUsers)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static EvaluationPass of(Evaluator evaluator) {
        List<MetricSpec> metrics = evaluator.metrics();
        EvaluationOptions o = evaluator.options();
        return new EvaluationPass(metrics.stream().map(MetricSpec::metric).toArray(String[]::new),
                metrics.stream().mapToInt(MetricSpec::k).toArray(), o.sampled(), o.negatives(),
                o.popularitySampling(), o.seed(), o.itemPopularity(), o.trainUsers());
    }

    /**
     * The outcomes of the slice's users, in the executor: the pipeline loaded once per JVM from the
     * broadcast bytes, ranked as the driver ranks ({@link PipelineRun#ranker}), one thread per task
     * (Spark runs a task per core).
     */
    UserOutcome[] outcomes(ArtifactBytes artifact, EvaluationSlice slice) {
        M6Rec loaded = ExecutorPipelines.of(artifact);
        return loaded.withPipeline((pipeline, config) -> {
            ExecutorService unused = PipelineRun.newExecutor(1); // one thread: the evaluator never hands it work
            try {
                return evaluator(unused).outcomes(pipeline.interest(), PipelineRun.ranker(config.recommend(), pipeline),
                        slice::profile, slice.targets(), slice.users(), slice.chunks());
            } finally {
                unused.shutdownNow();
            }
        });
    }

    private Evaluator evaluator(ExecutorService executor) {
        List<MetricSpec> metrics = new ArrayList<>(metricNames.length);
        for (int m = 0; m < metricNames.length; m++) {
            metrics.add(new MetricSpec(metricNames[m], metricKs[m]));
        }
        return new Evaluator(metrics, executor, 1, new EvaluationOptions(sampled, negatives, popularitySampling, seed,
                itemPopularity, trainUsers, Optional.empty()));
    }
}
