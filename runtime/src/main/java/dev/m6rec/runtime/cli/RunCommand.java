package dev.m6rec.runtime.cli;

import dev.m6rec.core.run.ExperimentOutputs;
import dev.m6rec.core.run.ExperimentResult;
import dev.m6rec.core.run.ExperimentRun;
import dev.m6rec.core.run.PipelineRun;
import dev.m6rec.core.run.RunOutputs;
import dev.m6rec.core.run.RunResult;
import dev.m6rec.core.run.SampleRecommendation;
import dev.m6rec.core.report.RunIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code m6rec run CONFIG}: load, split, fit, evaluate, print metrics and samples, write metrics.json. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train and evaluate the pipeline a config describes; writes <output.dir>/metrics.json and <output.dir>/artifact.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    M6RecCommand parent;

    @Parameters(paramLabel = "CONFIG", description = "The run's YAML file.")
    Path configFile;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        RunConfigs loaded = RunConfigs.load(configFile, options);
        if (ExperimentRun.applies(loaded.config())) {
            return experiment(loaded);
        }
        // Before training: an output.dir that cannot be written should not cost a training run.
        RunOutputs.checkTargets(loaded.config().output().dir());
        ConsoleProgress progress = new ConsoleProgress(parent.err());
        RunResult result = PipelineRun.execute(loaded.config(), progress);
        progress.info(String.format("trained in %.1fs (load+split %.1fs), evaluated in %.1fs",
                (result.trained().loadMillis() + result.trained().fitMillis()) / 1000.0,
                result.trained().loadMillis() / 1000.0, result.evaluateMillis() / 1000.0));
        MetricsTable.print(parent.out(), result.valid(), result.test());
        MetricsTable.printGroups(parent.out(), result.testGroups(), result.test().keySet());
        printSamples(result);
        Path outputDir = loaded.config().output().dir();
        RunOutputs.write(outputDir, identity(loaded, ""), result, loaded.config(), loaded.registry(), progress);
        progress.info("done");
        parent.out().println("wrote " + outputDir.resolve("metrics.json") + ", " + outputDir.resolve("report.html")
                + " and " + outputDir.resolve("artifact"));
        result.trained().pipeline().close();
        return ExitCodes.OK;
    }

    /**
     * Several models ({@code models:}) or k-fold cross-validation: one table; on one split each model's
     * outputs in its own folder, then the comparison's metrics.json and per-user.tsv.
     */
    private Integer experiment(RunConfigs loaded) {
        Path outputDir = loaded.config().output().dir();
        ExperimentOutputs.checkTargets(outputDir, loaded.config());
        ConsoleProgress progress = new ConsoleProgress(parent.err());
        RunIdentity identity = identity(loaded, "");
        ExperimentResult result = ExperimentRun.execute(loaded.config(), progress, (variant, run) ->
                RunOutputs.write(ExperimentOutputs.modelDir(outputDir, variant),
                        identity.forModel(identity.title() + " (" + variant.name() + ")", variant.config()), run,
                        variant.config(), loaded.registry(), progress));
        ModelTablePrinter.print(parent.out(), result.table());
        ExperimentOutputs.write(outputDir, identity, result);
        progress.info("done");
        parent.out().println();
        parent.out().println("wrote " + outputDir.resolve("metrics.json") + ", " + outputDir.resolve("report.html")
                + (result.outcomes().isEmpty() ? ""
                : ", " + outputDir.resolve("per-user.tsv") + " and a folder per model (artifact, metrics, report)"));
        return ExitCodes.OK;
    }

    /** The report's account of this run: the config file, the --set overrides, the models, versions, now. */
    private RunIdentity identity(RunConfigs loaded, String suffix) {
        return RunIdentity.of("M6-Rec run: " + configFile.getFileName() + suffix, configFile, options.overrides,
                loaded.config(), loaded.registry(), Instant.now());
    }

    private void printSamples(RunResult result) {
        for (SampleRecommendation sample : result.samples()) {
            parent.out().printf("%nuser %s (%d known interactions); * = held out in test%n", sample.user(),
                    sample.historyLength());
            for (int r = 0; r < sample.items().size(); r++) {
                String title = sample.titles().get(r);
                parent.out().printf("  %2d. %-12s %9.4f%s%s%n", r + 1, sample.items().get(r), sample.scores()[r],
                        sample.heldOut()[r] ? " *" : title.isEmpty() ? "" : "  ", title.isEmpty() ? "" : "  " + title);
            }
        }
        if (!result.samples().isEmpty()) {
            parent.out().println();
        }
    }
}
