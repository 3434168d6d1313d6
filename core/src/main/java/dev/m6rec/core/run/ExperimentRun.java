package dev.m6rec.core.run;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.core.config.ModelVariant;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.PipelineParts;
import dev.m6rec.core.pipeline.PipelineTrainer;
import dev.m6rec.core.pipeline.TrainedRun;
import dev.m6rec.core.prepare.DatasetStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * A run that compares models ({@code models:}) or cross-validates ({@code split: {type: k-fold}}),
 * or both. The data is loaded, filtered and split once, and the feature extractors are fitted once
 * per split; then each model fits its similarity and interest model and is evaluated exactly as
 * {@link PipelineRun} would evaluate it alone (same seeds: a model's numbers do not depend on the
 * models beside it). On one split every trained model is handed to {@code trained} (which writes its
 * artifact) and closed; over folds nothing is kept but the metrics.
 */
public final class ExperimentRun {
    private ExperimentRun() {
    }

    /** Whether {@code config} runs as an experiment rather than as one {@link PipelineRun}. */
    public static boolean applies(RunConfig config) {
        return config.comparesModels() || config.split().type().equals("k-fold");
    }

    public static ExperimentResult execute(RunConfig config, ProgressReporter progress,
                                           BiConsumer<ModelVariant, RunResult> trained) {
        List<ModelVariant> variants = config.comparesModels() ? config.models()
                : List.of(new ModelVariant(config.interest().type(), config));
        ExecutorService executor = PipelineRun.newExecutor(config.threads());
        try {
            TrainingLog log = new TrainingLog(progress);
            DefaultPluginContext context = new DefaultPluginContext(config.seed(), "run", executor, config.threads(),
                    log, config.baseDir());
            long t0 = System.nanoTime();
            PipelineTrainer shared = new PipelineTrainer(variants.get(0).config(), context);
            List<DataSplit> splits = shared.loadAndSplitFolds();
            DatasetStatistics beforeFilters = shared.beforeFilters()
                    .orElseGet(() -> DatasetStatistics.of(splits.get(0).dataset()));
            DataSummary data = DataSummary.of(beforeFilters, splits.get(0), splits.size());
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            List<List<ModelOutcome>> byModel = new ArrayList<>();
            variants.forEach(v -> byModel.add(new ArrayList<>()));
            List<List<PopularityExposure>> exposures = new ArrayList<>();
            for (int f = 0; f < splits.size(); f++) {
                DataSplit split = splits.get(f);
                String fold = splits.size() == 1 ? "" : "fold " + (f + 1) + "/" + splits.size() + ": ";
                PipelineParts features = shared.fitFeatures(split);
                for (int m = 0; m < variants.size(); m++) {
                    ModelVariant variant = variants.get(m);
                    progress.info(fold + "model " + (m + 1) + "/" + variants.size() + ": " + variant.name());
                    List<Double> curve = Collections.synchronizedList(new ArrayList<>());
                    log.drain();
                    TrainedRun run = new PipelineTrainer(variant.config(), context, curve::add)
                            .trainOn(split, loadMillis, features).withBeforeFilters(beforeFilters);
                    RunResult result = PipelineRun.evaluate(variant.config(), context, run, curve, log.drain());
                    byModel.get(m).add(ModelOutcome.of(variant.name(), variant.config().interest().type(), result));
                    if (splits.size() == 1) {
                        exposures.add(PopularityExposure.of(result.testPerUser(), split.test().byUser(),
                                split.train().itemCounts(), config.evaluation().headShare(), exposureK(config)));
                        trained.accept(variant, result);
                    }
                    run.pipeline().close();
                }
            }
            List<String> metrics = config.evaluation().metrics();
            if (splits.size() > 1) {
                return new ExperimentResult(ModelComparison.ofFolds(metrics, byModel), List.of(),
                        splits.get(0).dataset().users(), new int[0], data);
            }
            List<ModelOutcome> outcomes = byModel.stream().map(o -> o.get(0)).toList();
            DataSplit split = splits.get(0);
            return new ExperimentResult(ModelComparison.ofSplit(metrics, outcomes, exposures, context), outcomes,
                    split.dataset().users(), trainingInteractions(split.train().byUser()), data);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Exposure is measured on lists as long as the validation metric's (10 for ndcg@10; 10 for auc). */
    private static int exposureK(RunConfig config) {
        int k = MetricSpec.parse(config.evaluation().validationMetric()).k();
        return k > 0 ? k : 10;
    }

    private static int[] trainingInteractions(SparseRows train) {
        int[] counts = new int[train.rows()];
        for (int u = 0; u < counts.length; u++) {
            counts[u] = train.length(u);
        }
        return counts;
    }
}
