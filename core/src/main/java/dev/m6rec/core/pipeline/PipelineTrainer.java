package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.events.LoggedEventsMerge;
import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.FilteredDataset;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Runs the training half of a pipeline: load, split, fit features, fit similarity and the
 * interest model (in the order their inputs require), and keeps what serving needs.
 */
public final class PipelineTrainer {
    private final RunConfig config;
    private final DefaultPluginContext context;
    private final DoubleConsumer validationListener;
    private final PipelinePlan plan;

    public PipelineTrainer(RunConfig config, DefaultPluginContext context) {
        this(config, context, value -> { });
    }

    /**
     * @param validationListener sees every validation value a model reports while it trains (per
     *                           epoch for models with early stopping); it may throw to stop training,
     *                           which is how a tuning study prunes a trial
     */
    public PipelineTrainer(RunConfig config, DefaultPluginContext context, DoubleConsumer validationListener) {
        this(config, context, validationListener, PipelinePlan.of(config));
    }

    /** As above, fitting {@code plan} (by default {@link PipelinePlan#of} the config). */
    public PipelineTrainer(RunConfig config, DefaultPluginContext context, DoubleConsumer validationListener,
                           PipelinePlan plan) {
        this.plan = plan;
        this.config = config;
        this.context = context;
        this.validationListener = validationListener;
    }

    /** Loads and splits the configured dataset, then trains. */
    public TrainedRun train() {
        long t0 = System.nanoTime();
        DataSplit split = loadAndSplit();
        return trainOn(split, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Loads the configured dataset, applies the {@code filter:} section (saying what it removed),
     * and splits it (a study reuses one split for every trial).
     */
    public DataSplit loadAndSplit() {
        ConfiguredComponent data = config.data();
        context.progress().info("loading " + data.type() + " data");
        Dataset loaded = data.<DatasetLoader>create(context.forComponent(data.path())).load();
        if (config.eventsLog().isPresent()) {
            loaded = LoggedEventsMerge.merge(loaded, config.eventsLog().get(), context.progress());
        }
        FilteredDataset filtered = new DatasetFilter(config.filter()).apply(loaded);
        filtered.summary().ifPresent(context.progress()::info);
        Dataset dataset = filtered.dataset();
        ConfiguredComponent splitConfig = config.split();
        DataSplit split = splitConfig.<DatasetSplitter>create(context.forComponent(splitConfig.path())).split(dataset);
        context.progress().info(String.format("%s: %d users, %d items, %d interactions (train %d, valid %d, test %d)",
                dataset.name(), dataset.users().size(), dataset.items().size(), dataset.interactions().size(),
                split.train().size(), split.valid().size(), split.test().size()));
        reportSkippedLines(dataset);
        reportCutOffsBeyondCatalogue(dataset.items().size());
        return split;
    }

    /**
     * {@code config check} bounds K without knowing the catalogue; a K the config asks for above it
     * is measured on the whole ranking (a list cannot hold more items than exist), and the run
     * says so once. The defaults are not reported: @10 on a tiny test catalogue is expected.
     */
    private void reportCutOffsBeyondCatalogue(int numItems) {
        if (!(config.resolved().get("evaluation") instanceof java.util.Map<?, ?> evaluation)
                || !evaluation.containsKey("metrics")) {
            return;
        }
        List<String> beyond = config.evaluation().metrics().stream()
                .filter(text -> MetricSpec.parse(text).k() > numItems).toList();
        if (!beyond.isEmpty()) {
            context.progress().info("evaluation: " + String.join(", ", beyond) + " ask for more items than the"
                    + " catalogue holds (" + numItems + "); their lists hold all " + numItems);
        }
    }

    /** Lines a loader skipped with {@code on-error: skip} are reported, never dropped silently. */
    private void reportSkippedLines(Dataset dataset) {
        StringBuilder skipped = new StringBuilder();
        dataset.loadCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("skipped") && e.getValue() > 0)
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> skipped.append(skipped.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        if (skipped.length() > 0) {
            context.progress().info("data: " + skipped);
        }
    }

    /** Fits the plan's components (features, similarity, interest model) on an existing split. */
    public TrainedRun trainOn(DataSplit split, long loadMillis) {
        Dataset dataset = split.dataset();
        long t1 = System.nanoTime();
        MetricSpec validationMetric = MetricSpec.parse(config.evaluation().validationMetric());
        Evaluator validationEvaluator = new Evaluator(List.of(validationMetric), context.executor(), context.threads(),
                dataset.items().size());
        PipelineParts parts = PipelineParts.forFit(split);
        parts.validation(new ValidationMetricScorer(validationMetric, validationEvaluator, split.train(),
                parts::userFeatures, split.valid(), null, validationListener));
        plan.fit(parts, context);
        long t2 = System.nanoTime();

        UserHistories trainHistories = new UserHistories(split.train(), parts.userFeatures());
        UserHistories servingHistories = new UserHistories(Interactions.concat(split.train(), split.valid()),
                parts.userFeatures());
        FittedPipeline pipeline = FittedPipeline.of(dataset.users(), dataset.items(), parts, servingHistories);
        return new TrainedRun(split, pipeline, trainHistories, loadMillis, (t2 - t1) / 1_000_000);
    }
}
