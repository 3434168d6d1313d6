package dev.m6rec.core.run;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.artifact.ArtifactTarget;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.report.RunIdentity;
import dev.m6rec.core.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a trained run leaves behind, written the same way by {@code m6rec run}, {@code m6rec tune}
 * (for the best trial) and {@code M6Rec.save}: the artifact with the exact split first, then
 * {@code metrics.json} and the report, so that the metrics on disk always belong to the artifact
 * beside them. The metrics and the report are written to temporary files before the artifact is
 * saved and renamed into place only after it is swapped in: a full disk fails before anything
 * changes, and a failed save leaves the previous artifact, metrics and report as they were.
 */
public final class RunOutputs {
    static final String ARTIFACT = "artifact";
    static final String METRICS = "metrics.json";
    static final String REPORT = "report.html";

    private RunOutputs() {
    }

    /**
     * Refuses, before any training, an {@code output.dir} that M6-Rec cannot write without
     * destroying what is there: a file in its place, a folder of someone else's where the artifact
     * goes, a folder or special file where metrics or the report go.
     */
    public static void checkTargets(Path outputDir) {
        Path dir = outputDir.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigException("output.dir", p + " exists and is not a folder");
                }
                break;
            }
        }
        ArtifactTarget.checkReplaceable(dir.resolve(ARTIFACT));
        StagedFiles.checkWritable(dir.resolve(METRICS));
        StagedFiles.checkWritable(dir.resolve(REPORT));
    }

    /** The trained pipeline of {@code result} as an artifact at {@code artifactDir}, metrics and split included. */
    public static void saveArtifact(Path artifactDir, RunResult result, RunConfig config, PluginRegistry registry) {
        PipelineArtifact.save(artifactDir, result.trained().pipeline(), config, registry,
                Map.of("valid", result.valid(), "test", result.test()), Optional.of(result.trained().split()));
    }

    /** {@code artifact/}, then {@code metrics.json}, then {@code report.html} in {@code outputDir}. */
    public static void write(Path outputDir, RunIdentity identity, RunResult result, RunConfig config,
                             PluginRegistry registry, ProgressReporter progress) {
        checkTargets(outputDir);
        try (StagedFiles files = new StagedFiles()) {
            MetricsJson.stage(files, outputDir.resolve(METRICS), result.valid(), result.test(), result.testGroups());
            RunReport.stage(files, outputDir, identity, result);
            progress.info("saving the artifact");
            saveArtifact(outputDir.resolve(ARTIFACT), result, config, registry);
            progress.info("writing metrics and the report");
            files.commit();
        }
    }
}
