package dev.m6rec.core.tune;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.run.PipelineRun;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Everything one trial needs to run away from its study, as plain data: the trial's config as YAML
 * (the study's config with the trial's values set), the file it stands for (relative paths resolve
 * against that file's folder, as in the study), the study's config when the study shares one split
 * among its trials, the metric, the threads a trial gets, and a snapshot of the study's pruner.
 * {@link #execute} runs it wherever it is: data is loaded there from the config's paths (the shared
 * split once per JVM), so those paths must be readable there too.
 *
 * @param number          the trial's number
 * @param configYaml      the trial's config ({@link RawConfig#toYaml}, variables already resolved)
 * @param configSource    the config file the YAML came from, or null for a config built in code
 * @param sharedSplitYaml the study's config, whose split every trial shares; null when each trial splits
 * @param pruner          the median rule with the curves of the trials completed before this one started
 */
public record TrialTask(int number, String configYaml, String configSource, String sharedSplitYaml, String metric,
                        int threads, MedianPruner pruner) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Trains and scores the trial here: the same body and seeds as a trial the study runs itself. */
    public TrialOutcome execute() {
        long start = System.nanoTime();
        RawConfig raw;
        try {
            raw = parse(configYaml);
        } catch (RuntimeException e) {
            return TrialOutcome.failed(e, new double[0], TrialExecution.seconds(start));
        }
        Path baseDir = raw.baseDirectory();
        return TrialExecution.run(() -> RunConfigValidator.validate(raw, TrialTaskState.registry(raw.pluginDirs())),
                trainer -> sharedSplitYaml == null ? trainer.loadAndSplit() : sharedSplit(),
                MetricSpec.parse(metric), pruner, threads, baseDir, config -> Optional.empty());
    }

    /** The study's split, loaded from the study's config as the study loads it, once per JVM. */
    private DataSplit sharedSplit() {
        return TrialTaskState.sharedSplit(configSource + "\n" + sharedSplitYaml, () -> {
            RawConfig raw = parse(sharedSplitYaml);
            RunConfig config = RunConfigValidator.validate(raw, TrialTaskState.registry(raw.pluginDirs()));
            ExecutorService executor = PipelineRun.newExecutor(config.threads());
            try {
                return Study.loadSharedSplit(config, executor, ProgressReporter.silent());
            } finally {
                executor.shutdownNow();
            }
        });
    }

    private RawConfig parse(String yaml) {
        // The study resolved every variable; toYaml escaped what is left literal, which parsing restores.
        return new ConfigLoader(name -> null, name -> null).parse(yaml, configSource == null ? null
                : Path.of(configSource), List.of());
    }
}
