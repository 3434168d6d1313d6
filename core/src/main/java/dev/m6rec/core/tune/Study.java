package dev.m6rec.core.tune;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.core.config.BoundComponentConfig;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.exec.DistributedEngines;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.PipelineTrainer;
import dev.m6rec.core.plugin.PluginFaults;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.run.PipelineRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tuning study over the whole pipeline: the optimizer proposes parameter values for config
 * paths, each trial trains the pipeline with them and is scored on the validation split (never
 * on test), and the result goes back to the optimizer and into the journal. Trials run
 * {@code optimizer.parallel} at a time; one that throws or scores NaN is recorded as failed and
 * the study goes on; per-epoch validation values feed a median pruner. Budgets: {@code trials}
 * and {@code timeout} (seconds). A study resumed on the same journal replays finished trials
 * into the optimizer and runs only the missing ones. With a {@code spark:} section a
 * {@link TrialRunner} found on the class path may run the trials elsewhere (as Spark tasks); the
 * study still asks, tells and journals here.
 */
public final class Study {
    private final RawConfig base;
    private final RunConfig config;
    private final PluginRegistry registry;
    private final ProgressReporter progress;
    private final StudyJournal journal;

    public Study(RawConfig base, RunConfig config, PluginRegistry registry,
                 ProgressReporter progress, Path journalFile) {
        this.base = base;
        this.config = config;
        this.registry = registry;
        this.progress = progress;
        this.journal = new StudyJournal(journalFile);
    }

    public StudyResult run() {
        ConfiguredComponent optimizerSection = config.optimizer().orElseThrow(() ->
                new ConfigException("optimizer", "required for tuning: { type: tpe, trials: 30, space: {...} }"));
        BoundComponentConfig section = optimizerSection.section();
        SearchSpace space = config.searchSpace().orElseThrow();
        MetricSpec metric = metric(section);
        Direction direction = "minimize".equals(section.getString("direction")) ? Direction.MINIMIZE : Direction.MAXIMIZE;
        int trials = section.getInt("trials");
        int parallel = Math.max(1, section.getInt("parallel"));
        double timeout = section.isSet("timeout") ? section.getDouble("timeout") : 0;
        long deadline = timeout > 0 ? System.nanoTime() + (long) (timeout * 1e9) : Long.MAX_VALUE;

        ExecutorService studyExecutor = PipelineRun.newExecutor(config.threads());
        try {
            DefaultPluginContext context = studyContext(config, studyExecutor, progress);
            StrategyOptimizer optimizer = optimizerSection.create(context);
            PluginFaults.run(optimizer, "start", () -> optimizer.start(space, direction));
            MedianPruner pruner = new MedianPruner(direction, 5, 1);
            List<TrialRecord> records = Collections.synchronizedList(new ArrayList<>(journal.read()));
            int next = 0;
            for (TrialRecord done : records) {
                PluginFaults.run(optimizer, "tell", () -> optimizer.tell(new Trial(done.number(), done.params()), done.result()));
                pruner.completed(done.result().isComplete() ? done.intermediate() : List.of());
                next = Math.max(next, done.number() + 1);
            }
            if (!records.isEmpty()) {
                progress.info("resuming study from " + journal.file() + ": " + records.size() + " trials finished");
            }
            boolean reuseSplit = space.parameters().stream()
                    .noneMatch(p -> p.path().startsWith("data.") || p.path().startsWith("split."));
            DataSplit sharedSplit = reuseSplit && records.size() < trials
                    ? loadSharedSplit(config, studyExecutor, progress) : null;
            if (sharedSplit != null && sharedSplit.valid().size() == 0) {
                throw new ConfigException("split", "tuning needs a validation split (e.g. ratios: [0.8, 0.1, 0.1])");
            }
            Optional<TrialRunner> runner = runner();
            runner.ifPresent(r -> progress.info("trials run " + r.describe(config) + ", " + parallel + " at a time"));
            AtomicInteger numbers = new AtomicInteger(next);
            AtomicInteger remaining = new AtomicInteger(trials - records.size());
            Object optimizerLock = new Object();
            int threadsPerTrial = Math.max(1, config.threads() / parallel);
            try (ProgressTask task = progress.begin("trials", trials)) {
                task.advance(records.size());
                ExecutorService workers = PipelineRun.newExecutor(parallel);
                try {
                    List<Future<?>> running = new ArrayList<>();
                    for (int w = 0; w < parallel; w++) {
                        running.add(workers.submit(() -> {
                            while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                                Trial trial;
                                synchronized (optimizerLock) {
                                    int number = numbers.getAndIncrement();
                                    trial = PluginFaults.call(optimizer, "ask", () -> optimizer.ask(number));
                                }
                                TrialRecord record = runner.isPresent()
                                        ? runElsewhere(runner.get(), trial, metric, pruner, sharedSplit != null, threadsPerTrial)
                                        : runTrial(trial, metric, pruner, sharedSplit, threadsPerTrial);
                                synchronized (optimizerLock) {
                                    Trial told = trial;
                                    PluginFaults.run(optimizer, "tell", () -> optimizer.tell(told, record.result()));
                                }
                                pruner.completed(record.result().isComplete() ? record.intermediate() : List.of());
                                journal.append(record);
                                records.add(record);
                                task.message(describe(record, metric.toString()));
                                task.advance(1);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("study interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                } finally {
                    workers.shutdownNow();
                }
            }
            Optional<TrialRecord> best = records.stream().filter(r -> r.result().isComplete())
                    .reduce((a, b) -> direction.better(b.value(), a.value()) ? b : a);
            return new StudyResult(metric.toString(), direction, records, best);
        } finally {
            studyExecutor.shutdownNow();
        }
    }

    /** The validation value of the untuned config, the reference a study must beat. */
    public double baseline() {
        BoundComponentConfig section = config.optimizer().orElseThrow().section();
        MedianPruner never = new MedianPruner(Direction.MAXIMIZE, Integer.MAX_VALUE, 0);
        TrialRecord record = runTrial(new Trial(-1, Map.of()), metric(section), never, null,
                config.threads());
        if (record.error() != null) {
            throw new ConfigException("optimizer", "the untuned config fails: " + record.error());
        }
        return record.value();
    }

    /** {@code optimizer.metric}; its schema default is {@code evaluation.validation-metric}. */
    private static MetricSpec metric(BoundComponentConfig section) {
        return MetricSpec.parse(section.getString("metric"));
    }

    /** The config of one trial: the base config with the trial's values set at their paths. */
    public RawConfig configFor(Map<String, Object> params) {
        RawConfig raw = base;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            raw = raw.with(e.getKey(), e.getValue());
        }
        return raw;
    }

    private TrialRecord runTrial(Trial trial, MetricSpec metric, MedianPruner pruner, DataSplit sharedSplit, int threads) {
        return TrialExecution.run(() -> RunConfigValidator.validate(configFor(trial.params()), registry),
                trainer -> sharedSplit != null ? sharedSplit : trainer.loadAndSplit(), metric, pruner, threads,
                baseDir(), RunConfig::spark).record(trial);
    }

    /**
     * Runs a trial through {@code runner} (e.g. as a Spark task): it takes the trial's config as text and
     * the pruner as it stands now, so the trial is pruned against the trials completed before it started.
     */
    private TrialRecord runElsewhere(TrialRunner runner, Trial trial, MetricSpec metric, MedianPruner pruner,
                                     boolean sharedSplit, int threads) {
        long start = System.nanoTime();
        String yaml;
        try {
            yaml = configFor(trial.params()).toYaml();
        } catch (ConfigException e) {
            return TrialOutcome.failed(e, new double[0], TrialExecution.seconds(start)).record(trial);
        }
        TrialTask task = new TrialTask(trial.number(), yaml, base.source() == null ? null
                : base.source().toAbsolutePath().toString(), sharedSplit ? base.toYaml() : null, metric.toString(),
                threads, pruner.snapshot());
        return runner.run(config, task).record(trial);
    }

    /** The runner that takes this study's trials: only a config with a {@code spark:} section looks for one. */
    private Optional<TrialRunner> runner() {
        return DistributedEngines.find(TrialRunner.class, config, r -> r.runs(config), progress,
                "trials run in this JVM: no trial runner for the spark: section on the class path "
                        + "(module m6rec-spark runs them as Spark tasks)");
    }

    /** The study's own context (seed, the optimizer's section), in which it loads the split its trials share. */
    private static DefaultPluginContext studyContext(RunConfig config, ExecutorService executor, ProgressReporter progress) {
        return new DefaultPluginContext(config.seed(), config.optimizer().orElseThrow().section().path(), executor,
                config.threads(), progress, baseDirOf(config));
    }

    /** The split every trial of a study shares when its space touches neither data nor split. */
    static DataSplit loadSharedSplit(RunConfig config, ExecutorService executor, ProgressReporter progress) {
        return new PipelineTrainer(config, studyContext(config, executor, progress)).loadAndSplit();
    }

    private static String describe(TrialRecord r, String metric) {
        return "trial " + r.number() + " " + r.state().name().toLowerCase(java.util.Locale.ROOT)
                + (Double.isNaN(r.value()) ? "" : String.format(" %s=%.4f", metric, r.value())) + " " + r.params();
    }

    private Path baseDir() {
        return baseDirOf(config);
    }

    private static Path baseDirOf(RunConfig config) {
        return config.source() == null ? Path.of("").toAbsolutePath() : config.source().toAbsolutePath().getParent();
    }
}
