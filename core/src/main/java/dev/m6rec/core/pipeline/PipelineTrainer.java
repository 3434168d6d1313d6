package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.EvaluationScope;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.events.LoggedEventsMerge;
import dev.m6rec.core.exec.DistributedEngines;
import dev.m6rec.core.plugin.PluginFaults;
import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.DatasetStatistics;
import dev.m6rec.core.prepare.FilteredDataset;
import dev.m6rec.core.split.KFoldSplitter;
import java.util.List;
import java.util.Optional;
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
    /** The loaded dataset's size before {@code filter:}; null until this trainer loads. */
    private volatile DatasetStatistics beforeFilters;

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
        return loadAndSplit(false).get(0);
    }

    /**
     * As {@link #loadAndSplit}, with every fold's split when the split is {@code k-fold} (one shuffle
     * for all folds), else the one split.
     */
    public List<DataSplit> loadAndSplitFolds() {
        return loadAndSplit(true);
    }

    private List<DataSplit> loadAndSplit(boolean allFolds) {
        Optional<DistributedPreparation> distributed = distributedPreparation();
        Optional<DataSplit> distributedSplit = Optional.empty();
        Dataset dataset;
        if (distributed.isPresent()) {
            DistributedPreparation.Prepared prepared = distributed.get().prepare(config, context);
            beforeFilters = prepared.loaded();
            prepared.filtered().summary().ifPresent(context.progress()::info);
            dataset = prepared.filtered().dataset();
            distributedSplit = prepared.split();
            context.progress().info("data: split on " + prepared.splitOn());
        } else {
            dataset = loadFiltered();
        }
        List<DataSplit> splits;
        if (distributedSplit.isPresent()) {
            splits = List.of(distributedSplit.get());
        } else {
            ConfiguredComponent splitConfig = config.split();
            DatasetSplitter splitter = splitConfig.create(context.forComponent(splitConfig.path()));
            Dataset filtered = dataset;
            splits = allFolds && splitter instanceof KFoldSplitter folds ? folds.splits(filtered)
                    : List.of(PluginFaults.call(splitter, "split", () -> splitter.split(filtered)));
        }
        for (int f = 0; f < splits.size(); f++) {
            describe(dataset, splits.get(f), splits.size() == 1 ? "" : " fold " + (f + 1) + "/" + splits.size());
        }
        reportSkippedLines(dataset);
        reportCutOffsBeyondCatalogue(dataset.items().size());
        reportCountsUsedAsRatings(dataset.interactions());
        return splits;
    }

    /**
     * The engine that loads, filters and splits this config, when it has a {@code spark:} section
     * and an engine on the class path can load its data; the run says which path it takes. A
     * config without {@code spark:} does not look for one and runs as it always did.
     */
    private Optional<DistributedPreparation> distributedPreparation() {
        Optional<DistributedPreparation> found = DistributedEngines.find(DistributedPreparation.class, config,
                engine -> true, context.progress(),
                "data: loaded on this machine (no distributed engine on the class path)");
        if (found.isEmpty()) {
            return found;
        }
        Optional<String> unsupported = found.get().unsupported(config);
        if (unsupported.isPresent()) {
            context.progress().info("data: loaded on this machine (" + unsupported.get() + ")");
            return Optional.empty();
        }
        context.progress().info("data: loading and filtering on " + found.get().engine(config));
        return found;
    }

    private Dataset loadFiltered() {
        ConfiguredComponent data = config.data();
        context.progress().info("loading " + data.type() + " data");
        DatasetLoader loader = data.create(context.forComponent(data.path()));
        Dataset loaded = PluginFaults.call(loader, "load", loader::load);
        if (config.eventsLog().isPresent()) {
            loaded = LoggedEventsMerge.merge(loaded, config.eventsLog().get(), context.progress());
        }
        beforeFilters = DatasetStatistics.of(loaded);
        FilteredDataset filtered = new DatasetFilter(config.filter()).apply(loaded);
        filtered.summary().ifPresent(context.progress()::info);
        return filtered.dataset();
    }

    private void describe(Dataset dataset, DataSplit split, String fold) {
        context.progress().info(String.format("%s%s: %d users, %d items, %d interactions (train %d, valid %d, test %d)",
                dataset.name(), fold, dataset.users().size(), dataset.items().size(), dataset.interactions().size(),
                split.train().size(), split.valid().size(), split.test().size()));
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

    /**
     * Play or click counts (whole numbers, some above 10) weigh a similarity over interactions as
     * ratings unless it is {@code binary}: on Last.fm play counts cosine item-knn scored 0.043
     * against popularity's 0.065, and 0.162 with {@code binary: true}. The run says so once.
     */
    private void reportCountsUsedAsRatings(Interactions interactions) {
        boolean binaryOff = config.similarity().map(s -> Boolean.FALSE.equals(s.effective().get("binary"))).orElse(false);
        if (!binaryOff || !interactions.hasRatings()) {
            return;
        }
        float max = 0;
        for (int row = 0; row < interactions.size(); row++) {
            float r = interactions.rating(row);
            if (r < 0 || r != Math.rint(r)) {
                return;
            }
            max = Math.max(max, r);
        }
        if (max > 10) {
            context.progress().info(String.format("warning: data: the ratings look like counts (whole numbers up to %.0f)"
                    + " and similarity.binary is false, so a few large counts dominate the similarity; consider"
                    + " similarity.binary: true", max));
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

    /** The size of the dataset this trainer loaded, before {@code filter:}; empty before it loaded. */
    public java.util.Optional<DatasetStatistics> beforeFilters() {
        return java.util.Optional.ofNullable(beforeFilters);
    }

    /** Fits the plan's components (features, similarity, interest model) on an existing split. */
    public TrainedRun trainOn(DataSplit split, long loadMillis) {
        return trainOn(split, loadMillis, null);
    }

    /** Fits only the plan's feature extractors on {@code split}, for several models to share. */
    public PipelineParts fitFeatures(DataSplit split) {
        PipelineParts parts = PipelineParts.forFit(split);
        plan.fitFeatures(parts, context);
        return parts;
    }

    /**
     * Fits the similarity and interest model on {@code split}, starting from {@code features} (from
     * {@link #fitFeatures}, fitted once for several models), or fits everything when it is null.
     */
    public TrainedRun trainOn(DataSplit split, long loadMillis, PipelineParts features) {
        Dataset dataset = split.dataset();
        long t1 = System.nanoTime();
        MetricSpec validationMetric = MetricSpec.parse(config.evaluation().validationMetric());
        // The protocol and users of the run's reported validation figure, so that early stopping picks by it.
        Evaluator validationEvaluator = new Evaluator(List.of(validationMetric), context.executor(), context.threads(),
                EvaluationScope.options(config.evaluation(), config.seed(), split.train(), Optional.empty()));
        int[] validationUsers = EvaluationScope.users(config.evaluation(), split.valid(), context.evaluationUsers());
        PipelineParts parts = features == null ? PipelineParts.forFit(split) : features.withFeaturesOnly();
        parts.validation(new ValidationMetricScorer(validationMetric, validationEvaluator, split.train(),
                parts::userFeatures, split.valid(), validationUsers, validationListener));
        if (features == null) {
            plan.fit(parts, context);
        } else {
            plan.fitModels(parts, context);
        }
        long t2 = System.nanoTime();

        UserHistories trainHistories = new UserHistories(split.train(), parts.userFeatures());
        UserHistories servingHistories = new UserHistories(Interactions.concat(split.train(), split.valid()),
                parts.userFeatures());
        FittedPipeline pipeline = FittedPipeline.of(dataset.users(), dataset.items(), parts, servingHistories);
        return new TrainedRun(split, pipeline, trainHistories, loadMillis, (t2 - t1) / 1_000_000,
                beforeFilters != null ? beforeFilters : DatasetStatistics.of(dataset));
    }
}
