package dev.m6rec.core.run;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.report.RunReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a trained run leaves behind, written the same way by {@code m6rec run}, {@code m6rec tune}
 * (for the best trial) and {@code M6Rec.save}: the artifact with the exact split first, then
 * {@code metrics.json} and the report, so that the metrics on disk always belong to the artifact
 * beside them.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /** The trained pipeline of {@code result} as an artifact at {@code artifactDir}, metrics and split included. */
    public static void saveArtifact(Path artifactDir, RunResult result, RunConfig config, PluginRegistry registry) {
        PipelineArtifact.save(artifactDir, result.trained().pipeline(), config, registry,
                Map.of("valid", result.valid(), "test", result.test()), Optional.of(result.trained().split()));
    }

    /** {@code artifact/}, then {@code metrics.json}, then {@code report.html} in {@code outputDir}. */
    public static void write(Path outputDir, String title, RunResult result, RunConfig config, PluginRegistry registry,
                             ProgressReporter progress) {
        progress.info("saving the artifact");
        saveArtifact(outputDir.resolve("artifact"), result, config, registry);
        MetricsJson.write(outputDir.resolve("metrics.json"), result.valid(), result.test(), result.testGroups());
        progress.info("writing the report");
        RunReport.write(outputDir, title, result);
    }
}
