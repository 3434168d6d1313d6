package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.TinyPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec batch-topk}'s user errors, each exit 2 with one line and checked before Spark would
 * start. The runtime's class path has no Spark, so a valid command ends in the line naming the fix;
 * the job itself runs in the spark module's tests.
 */
class BatchTopKCommandTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "popularity", TinyPipelines.POPULARITY);
    }

    @Test
    void anUnknownMasterIsOneLine() {
        Path output = dir.resolve("master-out");

        assertOneLine(CliRunner.run("batch-topk", "--artifact", artifact.toString(), "--output", output.toString(),
                "--master", "spark:/host:7077"), "--master: unknown master 'spark:/host:7077'; expected local[*], "
                + "local[N], spark://HOST:PORT, yarn or k8s://URL");
        assertThat(output).doesNotExist();
    }

    @Test
    void aMissingOrBrokenArtifactIsOneLine() throws IOException {
        assertOneLine(CliRunner.run("batch-topk", "--artifact", dir.resolve("nothing").toString(), "--output",
                dir.resolve("o1").toString()), dir.resolve("nothing") + ": not an M6-Rec artifact (no manifest.json)");

        Path broken = TinyPipelines.copy(artifact, dir.resolve("broken"));
        Files.writeString(broken.resolve("manifest.sha256"), "0".repeat(64) + "  manifest.json\n");
        CliRunner result = CliRunner.run("batch-topk", "--artifact", broken.toString(), "--output",
                dir.resolve("o2").toString());
        assertOneLine(result, broken.resolve("manifest.json").toAbsolutePath() + ": checksum mismatch with "
                + broken.resolve("manifest.sha256").toAbsolutePath() + " (one of the two was altered or truncated)");
    }

    @Test
    void outputProblemsAreOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLine(run(file, "--format", "tsv"), "--output: " + file + " exists and is not a folder");

        Path taken = dir.resolve("taken");
        Files.createDirectories(taken.resolve("tsv"));
        assertOneLine(run(taken), "--output: " + taken.resolve("tsv") + " already exists; remove it or choose another folder");
    }

    @Test
    void anOutputUriWithoutAFolderOrMalformedIsOneLineBeforeTheEngineIsSought() {
        String[] prefix = {"batch-topk", "--artifact=" + artifact, "--output"};
        assertOneLine(CliRunner.run(prefix[0], prefix[1], prefix[2], "file:top10"), "--output: 'file:top10' names no "
                + "folder; expected SCHEME://[HOST]/PATH (no query), e.g. file:///data/top10 or hdfs://namenode/recs/top10");
        assertOneLine(CliRunner.run(prefix[0], prefix[1], prefix[2], "hdfs://namenode/"), "--output: 'hdfs://namenode/' "
                + "names no folder; expected SCHEME://[HOST]/PATH (no query), e.g. file:///data/top10 or "
                + "hdfs://namenode/recs/top10");
        assertOneLine(CliRunner.run(prefix[0], prefix[1], prefix[2], "hdfs://namenode/recs top10"),
                "--output: 'hdfs://namenode/recs top10' is not a valid URI (Illegal character in path at index 20: "
                        + "hdfs://namenode/recs top10)");
    }

    @Test
    void optionProblemsAreOneLine() {
        Path output = dir.resolve("options-out");
        assertOneLine(run(output, "--format", "csv"), "--format: unknown format 'csv'; expected parquet, tsv or both");
        assertOneLine(run(output, "-k", "0"), "-k must be >= 1 (was 0)");
        assertOneLine(run(output, "--conf", "executor.memory=2g"),
                "--conf executor.memory: Spark configuration keys start with 'spark.'");
        assertThat(output).doesNotExist();
    }

    @Test
    void withoutSparkOnTheClassPathItNamesTheFix() {
        Path output = dir.resolve("no-spark-out");

        assertOneLine(run(output, "--format", "parquet", "--master", "local[2]"), BatchTopKCommand.NO_ENGINE);
        assertThat(output).doesNotExist();
    }

    @Test
    void isListedInHelp() {
        CliRunner help = CliRunner.run("--help");

        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("batch-topk Write every user's top-K of a trained artifact as a Spark job (Parquet and/or TSV).");
    }

    private static CliRunner run(Path output, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "batch-topk";
        args[1] = "--artifact=" + artifact;
        args[2] = "--output";
        args[3] = output.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRunner.run(args);
    }

    private static void assertOneLine(CliRunner result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: " + message + System.lineSeparator());
    }
}
