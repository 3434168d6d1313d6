package dev.m6rec.core.pipeline;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.assembly.ComponentResolver;
import dev.m6rec.core.config.BoundComponentConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.FilteredDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Runs the training half of a pipeline: load, split, fit features, fit similarity and the
 * interest model (in the order their inputs require), and keeps what serving needs.
 */
public final class PipelineTrainer {
    private final RunConfig config;
    private final ComponentResolver resolver;
    private final DefaultPluginContext context;
    private final DoubleConsumer validationListener;

    public PipelineTrainer(RunConfig config, ComponentResolver resolver, DefaultPluginContext context) {
        this(config, resolver, context, value -> { });
    }

    /**
     * @param validationListener sees every validation value a model reports while it trains (per
     *                           epoch for models with early stopping); it may throw to stop training,
     *                           which is how a tuning study prunes a trial
     */
    public PipelineTrainer(RunConfig config, ComponentResolver resolver, DefaultPluginContext context,
                           DoubleConsumer validationListener) {
        this.config = config;
        this.resolver = resolver;
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
        BoundComponentConfig data = config.data();
        context.progress().info("loading " + data.type() + " data");
        Dataset loaded = resolver.loader(data.type()).create(data, context.forComponent(data.path())).load();
        FilteredDataset filtered = new DatasetFilter(config.filter()).apply(loaded);
        filtered.summary().ifPresent(context.progress()::info);
        Dataset dataset = filtered.dataset();
        BoundComponentConfig splitConfig = config.split();
        DataSplit split = resolver.splitter(splitConfig.type())
                .create(splitConfig, context.forComponent(splitConfig.path())).split(dataset);
        context.progress().info(String.format("%s: %d users, %d items, %d interactions (train %d, valid %d, test %d)",
                dataset.name(), dataset.users().size(), dataset.items().size(), dataset.interactions().size(),
                split.train().size(), split.valid().size(), split.test().size()));
        reportSkippedLines(dataset);
        return split;
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

    /** Fits features, similarity and the interest model on an existing split. */
    public TrainedRun trainOn(DataSplit split, long loadMillis) {
        Dataset dataset = split.dataset();
        long t1 = System.nanoTime();

        List<FeatureExtractor> userExtractors = fitFeatures(config.userFeatures(), EntityKind.USER, dataset, split.train());
        List<FeatureExtractor> itemExtractors = fitFeatures(config.itemFeatures(), EntityKind.ITEM, dataset, split.train());
        FeatureMatrix userFeatures = encode(userExtractors, dataset.users().size());
        FeatureMatrix itemFeatures = encode(itemExtractors, dataset.items().size());

        Optional<SimilarityModel> similarity = Optional.empty();
        boolean similarityAfterInterest = false;
        if (config.similarity().isPresent()) {
            BoundComponentConfig simConfig = config.similarity().get();
            SimilarityModelFactory factory = resolver.similarityModel(simConfig.type());
            SimilarityModel model = factory.create(simConfig, context.forComponent(simConfig.path()));
            similarityAfterInterest = factory.requiresEmbeddings(simConfig);
            if (!similarityAfterInterest) {
                context.progress().info("fitting similarity " + simConfig.type());
                model.fit(new SimilarityInput(split.train(), itemFeatures, Optional.empty()));
            }
            similarity = Optional.of(model);
        }

        BoundComponentConfig interestConfig = config.interest();
        UserHistories trainHistories = new UserHistories(split.train(), userFeatures);
        ModelInputs inputs = new ModelInputs(dataset.users().size(), dataset.items().size(), userFeatures, itemFeatures,
                similarityAfterInterest ? Optional.empty() : similarity);
        MetricSpec validationMetric = MetricSpec.parse(config.evaluation().validationMetric());
        Evaluator validationEvaluator = new Evaluator(List.of(validationMetric), context.executor(), context.threads(),
                dataset.items().size());
        InterestModel interest = resolver.interestModel(interestConfig.type())
                .create(interestConfig, context.forComponent(interestConfig.path()));
        context.progress().info("fitting interest model " + interestConfig.type());
        interest.fit(new TrainingData(split, inputs,
                new ValidationMetricScorer(validationMetric, validationEvaluator, trainHistories, split.valid(), null,
                        validationListener)));

        if (similarityAfterInterest) {
            BoundComponentConfig simConfig = config.similarity().get();
            FeatureMatrix embeddings = interest.itemEmbeddings().orElseThrow(() -> new ConfigException(
                    simConfig.path() + ".source", "embeddings need an interest model that learns item embeddings ('"
                    + interestConfig.type() + "' does not)"));
            context.progress().info("fitting similarity " + simConfig.type() + " on item embeddings");
            similarity.get().fit(new SimilarityInput(split.train(), itemFeatures, Optional.of(embeddings)));
        }
        long t2 = System.nanoTime();

        UserHistories servingHistories = new UserHistories(Interactions.concat(split.train(), split.valid()), userFeatures);
        FittedPipeline pipeline = new FittedPipeline(dataset.users(), dataset.items(), userExtractors, itemExtractors,
                userFeatures, itemFeatures, similarity, interest, servingHistories);
        return new TrainedRun(split, pipeline, trainHistories, loadMillis, (t2 - t1) / 1_000_000);
    }

    private List<FeatureExtractor> fitFeatures(List<BoundComponentConfig> configs, EntityKind kind, Dataset dataset,
                                               Interactions train) {
        List<FeatureExtractor> fitted = new ArrayList<>();
        for (BoundComponentConfig c : configs) {
            FeatureExtractor extractor = resolver.featureExtractor(c.type()).create(c, context.forComponent(c.path()));
            EntityKind other = kind == EntityKind.USER ? EntityKind.ITEM : EntityKind.USER;
            extractor.fit(new FeatureInput(kind, dataset.ids(kind), dataset.attributes(kind), train,
                    dataset.attributes(other)));
            fitted.add(extractor);
        }
        return fitted;
    }

    private static FeatureMatrix encode(List<FeatureExtractor> extractors, int rows) {
        List<FeatureMatrix> parts = new ArrayList<>();
        for (FeatureExtractor extractor : extractors) {
            parts.add(extractor.encodeAll());
        }
        return FeatureMatrix.concatColumns(rows, parts);
    }
}
