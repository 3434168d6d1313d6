package dev.m6rec.core.run;

import dev.m6rec.core.config.ModelVariant;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.report.ComparisonReport;
import dev.m6rec.core.report.RunIdentity;
import java.nio.file.Path;

/**
 * What a comparison leaves in {@code output.dir}: each model's own run outputs (artifact,
 * metrics.json, report.html) in a folder named after it, written as each model finishes, then the
 * comparison's {@code metrics.json}, {@code report.html} and, on one split, {@code per-user.tsv}.
 */
public final class ExperimentOutputs {
    static final String PER_USER = "per-user.tsv";

    private ExperimentOutputs() {
    }

    /** Refuses, before any training, targets that cannot be written (see {@link RunOutputs#checkTargets}). */
    public static void checkTargets(Path outputDir, RunConfig config) {
        RunOutputs.checkTargets(outputDir);
        StagedFiles.checkWritable(outputDir.resolve(PER_USER));
        for (ModelVariant variant : config.models()) {
            RunOutputs.checkTargets(modelDir(outputDir, variant));
        }
    }

    /** Where a model's own outputs go. */
    public static Path modelDir(Path outputDir, ModelVariant variant) {
        return outputDir.resolve(variant.name());
    }

    /** The comparison's metrics.json and report.html, and per-user.tsv when there is one split. */
    public static void write(Path outputDir, RunIdentity identity, ExperimentResult result) {
        try (StagedFiles files = new StagedFiles()) {
            ModelTableJson.stage(files, outputDir.resolve(RunOutputs.METRICS), result.table());
            ComparisonReport.stage(files, outputDir.resolve(RunOutputs.REPORT), identity, result);
            if (!result.outcomes().isEmpty()) {
                PerUserTsv.stage(files, outputDir.resolve(PER_USER), result);
            }
            files.commit();
        }
    }
}
