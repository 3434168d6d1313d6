package dev.m6rec.core.run;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.config.RecommendSettings;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.eval.ActivityGroups;
import dev.m6rec.core.eval.Evaluation;
import dev.m6rec.core.eval.EvaluationOptions;
import dev.m6rec.core.eval.EvaluationScope;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.eval.TopKRanker;
import dev.m6rec.core.exec.DistributedEngines;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.PipelineTrainer;
import dev.m6rec.core.pipeline.Recommender;
import dev.m6rec.core.pipeline.TrainedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * One {@code m6rec run}: train the pipeline, evaluate it on valid and test with full ranking
 * (test also per user activity group, from the same pass), and pick sample users. The executor
 * lives for the run only; fitted models must not keep it.
 */
public final class PipelineRun {
    private PipelineRun() {
    }

    public static RunResult execute(RunConfig config, ProgressReporter progress) {
        ExecutorService executor = newExecutor(config.threads());
        try {
            TrainingLog log = new TrainingLog(progress);
            DefaultPluginContext context = new DefaultPluginContext(config.seed(), "run", executor, config.threads(),
                    log, config.baseDir(), config.spark());
            List<Double> validationCurve = java.util.Collections.synchronizedList(new ArrayList<>());
            TrainedRun trained = new PipelineTrainer(config, context, validationCurve::add).train();
            return evaluate(config, context, trained, validationCurve, log.drain());
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Evaluates a trained pipeline on its split's valid and test parts (test also per user activity
     * group and per user, from the same pass) and picks the sample users.
     */
    static RunResult evaluate(RunConfig config, DefaultPluginContext context, TrainedRun trained,
                              List<Double> validationCurve, List<EpochValue> trainingLog) {
        ExecutorService executor = context.executor();
        ProgressReporter progress = context.progress();
        long t0 = System.nanoTime();
        List<MetricSpec> metrics = config.evaluation().metrics().stream().map(MetricSpec::parse).toList();
        DataSplit split = trained.split();
        FittedPipeline pipeline = trained.pipeline();
        EvaluationOptions options = evaluationOptions(config, split, pipeline);
        Evaluator evaluator = new Evaluator(metrics, executor, config.threads(), options);
        TopKRanker ranker = ranker(config.recommend(), pipeline);
        progress.info("evaluating (" + (config.recommend().equals(RecommendSettings.defaults())
                ? "full ranking" : "recall, rank, re-rank") + "; seen items excluded)");
        Optional<EvaluationEngine.Session> remote = remoteEvaluation(config, pipeline, progress);
        try {
            return evaluate(config, context, trained, validationCurve, trainingLog, evaluator, ranker, remote, t0);
        } finally {
            remote.ifPresent(EvaluationEngine.Session::close);
        }
    }

    private static RunResult evaluate(RunConfig config, DefaultPluginContext context, TrainedRun trained,
                                      List<Double> validationCurve, List<EpochValue> trainingLog, Evaluator evaluator,
                                      TopKRanker ranker, Optional<EvaluationEngine.Session> remote, long t0) {
        ExecutorService executor = context.executor();
        ProgressReporter progress = context.progress();
        List<MetricSpec> metrics = evaluator.metrics();
        DataSplit split = trained.split();
        FittedPipeline pipeline = trained.pipeline();
        Map<String, Double> valid = split.valid().size() == 0 ? nanFor(metrics)
                : pass(evaluator.reporting(progress, "evaluating valid users"), remote, pipeline, ranker,
                        trained.trainHistories()::profile, split.valid(),
                        EvaluationScope.users(config.evaluation(), split.valid(), context.evaluationUsers()),
                        ActivityGroups.none()).metrics();
        // Test metrics and the metric-vs-K curve come from one pass: scoring is the expensive part.
        List<MetricSpec> curve = new ArrayList<>();
        for (String name : List.of("hr", "recall", "ndcg")) {
            for (int k : RunResult.CURVE_KS) {
                curve.add(new MetricSpec(name, k));
            }
        }
        Set<MetricSpec> testMetrics = new LinkedHashSet<>(metrics);
        testMetrics.addAll(curve);
        // A list metric keeps every user's top-K list in the per-user values: head/tail exposure reads them.
        testMetrics.add(new MetricSpec("coverage", RunResult.CURVE_KS[RunResult.CURVE_KS.length - 1]));
        // The pipeline's profiles hold train + valid: what is known when the test period starts.
        // Users are grouped by their training interactions (what the model learnt from, not the profile).
        ActivityGroups groups = ActivityGroups.of(
                config.evaluation().groups().stream().mapToInt(Integer::intValue).toArray(), split.train().byUser());
        Evaluation testPass = pass(new Evaluator(List.copyOf(testMetrics), executor, config.threads(), evaluator.options())
                .reporting(progress, "evaluating test users"), remote, pipeline, ranker, pipeline::profile, split.test(),
                EvaluationScope.users(config.evaluation(), split.test(), context.evaluationUsers()), groups);
        Map<String, Double> testAll = testPass.metrics();
        Map<String, Double> test = new LinkedHashMap<>();
        metrics.forEach(m -> test.put(m.toString(), testAll.get(m.toString())));
        Map<String, Double> testAtK = new LinkedHashMap<>();
        curve.forEach(m -> testAtK.put(m.toString(), testAll.get(m.toString())));
        List<GroupMetrics> testGroups = testPass.groups().stream().map(g -> {
            Map<String, Double> configured = new LinkedHashMap<>();
            metrics.forEach(m -> configured.put(m.toString(), g.metrics().get(m.toString())));
            return new GroupMetrics(g.group(), g.users(), configured);
        }).toList();
        long evaluateMillis = (System.nanoTime() - t0) / 1_000_000;
        List<SampleRecommendation> samples = samples(config, context, pipeline, ranker, split);
        return new RunResult(valid, test, samples, trained, evaluateMillis, testAtK, validationCurve, testGroups,
                testPass.perUser().only(test.keySet()), trainingLog);
    }

    /**
     * Exact full ranking by the interest model, or the serving path when {@code recommend:} sets
     * recall quotas or diversity, so that what is measured is what is served.
     */
    public static TopKRanker ranker(RecommendSettings settings, FittedPipeline pipeline) {
        if (settings.recall().isEmpty() && settings.diversity() == 0) {
            return TopKRanker.fullRanking(pipeline.interest());
        }
        Recommender recommender = new Recommender(pipeline, settings);
        return recommender::recommend;
    }

    /**
     * One pass over {@code users} (null: every user with targets): on this machine, or with the
     * per-user half on the engine's workers and the reduction here, in user order either way.
     */
    private static Evaluation pass(Evaluator evaluator, Optional<EvaluationEngine.Session> remote,
                                   FittedPipeline pipeline, TopKRanker ranker, IntFunction<UserProfile> profiles,
                                   Interactions targets, int[] users, ActivityGroups groups) {
        if (remote.isEmpty()) {
            return evaluator.evaluate(pipeline.interest(), ranker, profiles, targets, users, groups);
        }
        int[] counted = users != null ? users : targets.byUser().nonEmptyRows();
        return evaluator.combine(counted, remote.get().outcomes(evaluator, profiles, targets, counted),
                targets.numItems(), groups);
    }

    /**
     * With a {@code spark:} section, the engine found through {@link DistributedEngines} (module
     * {@code m6rec-spark}), opened on the trained pipeline; without one on the class path, the run
     * evaluates here and says so. The validation during fit (early stopping) always runs here.
     */
    private static Optional<EvaluationEngine.Session> remoteEvaluation(RunConfig config, FittedPipeline pipeline,
                                                                       ProgressReporter progress) {
        return DistributedEngines.find(EvaluationEngine.class, config, engine -> true, progress,
                        "spark: evaluating on this machine (module m6rec-spark is not on the class path)")
                .map(engine -> engine.open(pipeline, config, progress));
    }

    /** Negative sampling, popularity and similarity for the configured metrics. */
    private static EvaluationOptions evaluationOptions(RunConfig config, DataSplit split, FittedPipeline pipeline) {
        return EvaluationScope.options(config.evaluation(), config.seed(), split.train(), pipeline.similarity());
    }

    private static Map<String, Double> nanFor(List<MetricSpec> metrics) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        metrics.forEach(m -> values.put(m.toString(), Double.NaN));
        return values;
    }

    /**
     * A few seeded users with test items, their top-K (with the items' titles when the dataset has a
     * {@code title} column) and which of those they held out.
     */
    private static List<SampleRecommendation> samples(RunConfig config, DefaultPluginContext context,
                                                      FittedPipeline pipeline, TopKRanker ranker, DataSplit split) {
        SparseRows byUser = split.test().byUser();
        String[] titles = split.dataset().attributes(EntityKind.ITEM).column("title")
                .filter(c -> c instanceof AttributeColumn.Text).map(c -> ((AttributeColumn.Text) c).values())
                .orElse(null);
        List<Integer> candidates = new ArrayList<>(java.util.Arrays.stream(byUser.nonEmptyRows()).boxed().toList());
        RandomGenerator random = context.forComponent("output").random("samples");
        List<SampleRecommendation> samples = new ArrayList<>();
        int k = config.output().k();
        for (int s = 0; s < config.output().samples() && !candidates.isEmpty(); s++) {
            int user = candidates.remove(random.nextInt(candidates.size()));
            UserProfile profile = pipeline.profile(user);
            boolean[] seen = new boolean[pipeline.items().size()];
            for (int item : profile.history()) {
                seen[item] = true;
            }
            ScoredItems top = ranker.topK(profile, k, seen);
            List<String> ids = new ArrayList<>();
            List<String> itemTitles = new ArrayList<>();
            boolean[] heldOut = new boolean[top.size()];
            for (int r = 0; r < top.size(); r++) {
                ids.add(pipeline.items().id(top.item(r)));
                String title = titles == null ? null : titles[top.item(r)];
                itemTitles.add(title == null ? "" : title);
                for (int p = byUser.start(user); p < byUser.end(user); p++) {
                    heldOut[r] |= byUser.column(p) == top.item(r);
                }
            }
            samples.add(new SampleRecommendation(pipeline.users().id(user), profile.history().length, ids,
                    itemTitles, top.scores(), heldOut));
        }
        return samples;
    }

    /** Daemon worker threads, so an embedding host is never kept alive by a forgotten run. */
    public static ExecutorService newExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "m6rec-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
