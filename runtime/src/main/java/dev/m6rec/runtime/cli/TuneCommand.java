package dev.m6rec.runtime.cli;

import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.report.TuneReport;
import dev.m6rec.core.run.PipelineRun;
import dev.m6rec.core.run.RunOutputs;
import dev.m6rec.core.run.RunResult;
import dev.m6rec.core.tune.Study;
import dev.m6rec.core.tune.StudyResult;
import dev.m6rec.core.tune.TrialRecord;
import java.nio.charset.StandardCharsets;
import dev.m6rec.core.report.RunIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec tune CONFIG}: runs the {@code optimizer:} study on the validation split (resuming
 * from {@code <output.dir>/study.jsonl} when present), writes {@code best.yaml}, retrains the best
 * configuration and evaluates it on test, and writes a report with a convergence chart.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tune the pipeline with the config's optimizer section; resumes from <output.dir>/study.jsonl.")
final class TuneCommand implements Callable<Integer> {
    @ParentCommand
    M6RecCommand parent;

    @Parameters(paramLabel = "CONFIG", description = "The run's YAML file, with an optimizer section.")
    Path configFile;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        RunConfigs loaded = RunConfigs.load(configFile, options);
        RunConfig config = loaded.config();
        ConsoleProgress progress = new ConsoleProgress(parent.err());
        Path outputDir = config.output().dir();
        // Before the study: an output.dir that cannot be written should not cost its trials.
        RunOutputs.checkTargets(outputDir.resolve("best"));
        Study study = new Study(loaded.raw(), config, loaded.registry(), progress,
                outputDir.resolve("study.jsonl"));
        progress.info("evaluating the untuned config");
        double baseline = study.baseline();
        StudyResult result = study.run();
        if (result.best().isEmpty()) {
            parent.err().println("error: no trial completed; see " + outputDir.resolve("study.jsonl"));
            return ExitCodes.USER_ERROR;
        }
        TrialRecord best = result.best().get();
        Path bestDir = outputDir.resolve("best");
        RawConfig bestRaw = study.configFor(best.params()).with("output.dir", bestDir.toAbsolutePath().toString());
        // best.yaml lives elsewhere than the original: every path parameter is written resolved.
        bestRaw = RunConfigValidator.validate(bestRaw, loaded.registry()).withAbsolutePaths(bestRaw);
        String bestYaml = bestRaw.toYaml();
        StagedFiles.write(outputDir.resolve("best.yaml"), out -> out.write(bestYaml.getBytes(StandardCharsets.UTF_8)));
        progress.info("retraining the best configuration (trial " + best.number() + ")");
        RunConfig bestConfig = RunConfigValidator.validate(bestRaw, loaded.registry());
        RunResult bestRun = PipelineRun.execute(bestConfig, progress);
        RunIdentity identity = RunIdentity.of("M6-Rec study: " + configFile.getFileName(), configFile,
                options.overrides, config, loaded.registry(), Instant.now());
        RunOutputs.write(bestDir, identity.forModel("M6-Rec run: best of " + configFile.getFileName()
                + " (trial " + best.number() + ")", bestConfig), bestRun, bestConfig, loaded.registry(), progress);
        TuneReport.write(outputDir, identity, result, baseline, bestRun.test());
        bestRun.trained().pipeline().close();

        parent.out().printf("%n%d trials (%d completed, %d pruned, %d failed)%n", result.trials().size(),
                count(result, "COMPLETE"), count(result, "PRUNED"), count(result, "FAILED"));
        parent.out().printf("%s on valid: untuned %.4f, best %.4f (trial %d: %s)%n", result.metric(), baseline,
                best.value(), best.number(), best.params());
        MetricsTable.print(parent.out(), bestRun.valid(), bestRun.test());
        parent.out().println("wrote " + outputDir.resolve("best.yaml") + ", " + outputDir.resolve("report.html")
                + " and " + bestDir);
        return ExitCodes.OK;
    }

    private static long count(StudyResult result, String state) {
        return result.trials().stream().filter(t -> t.state().name().equals(state)).count();
    }
}
