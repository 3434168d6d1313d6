package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 1, through the CLI: M6-Rec never deletes or replaces what it did not write, an
 * output it cannot write is refused before training, and a full disk is a clean exit 2 that leaves
 * the previous outputs as they were and no temporary file behind.
 */
class SafeWritesTest {
    @TempDir
    Path dir;

    private Path config() {
        return TinyPipelines.config(dir, "pop", TinyPipelines.POPULARITY);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Exit 2 with exactly one line on standard error: the message, no trace, no progress before it. */
    private static void assertRefusedBeforeTraining(CliRunner result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + message + System.lineSeparator());
    }

    @Test
    void aFolderOfSomeoneElsesWhereTheArtifactGoesIsRefusedBeforeTrainingAndKept() throws IOException {
        Path out = dir.resolve("D");
        Path artifact = Files.createDirectories(out.resolve("artifact"));
        Files.writeString(artifact.resolve("important.txt"), "x");
        CliRunner result = CliRunner.run("run", config().toString(), "--set", "output.dir=" + out);
        assertRefusedBeforeTraining(result, artifact.toAbsolutePath() + ": not empty and not an M6-Rec artifact"
                + " (no manifest.json); M6-Rec replaces only its own artifacts or empty folders"
                + " (move it away or choose another path)");
        assertThat(artifact.resolve("important.txt")).hasContent("x");
        assertThat(listing(out)).containsExactly("artifact");
        assertThat(listing(artifact)).containsExactly("important.txt");
    }

    @Test
    void anOutputDirThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "mine");
        CliRunner result = CliRunner.run("run", config().toString(), "--set", "output.dir=" + file);
        assertRefusedBeforeTraining(result, "output.dir: " + file.toAbsolutePath() + " exists and is not a folder");
        assertThat(file).hasContent("mine");
    }

    @Test
    void aFullDiskWhileSavingExitsTwoLeavingThePreviousOutputsAndNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("out");
        CliRunner first = CliRunner.run("run", config().toString(), "--set", "output.dir=" + out);
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> before = listing(out);
        String metrics = Files.readString(out.resolve("metrics.json"));
        String report = Files.readString(out.resolve("report.html"));
        String manifest = Files.readString(out.resolve("artifact/manifest.json"));

        CliRunner full = CliRunner.run("run", config().toString(), "--set", "output.dir=" + out,
                "--set", "interest.type=disk-full", "--plugins", PluginFolder.faultyModels(dir).toString());
        assertThat(full.exitCode()).as(full.err()).isEqualTo(2);
        assertThat(full.err().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly(
                "error: cannot save artifact " + out.resolve("artifact").toAbsolutePath() + ": No space left on device");
        assertThat(full.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(listing(out)).isEqualTo(before).noneMatch(name -> name.contains(".tmp"));
        assertThat(out.resolve("metrics.json")).hasContent(metrics);
        assertThat(out.resolve("report.html")).hasContent(report);
        assertThat(out.resolve("artifact/manifest.json")).hasContent(manifest);
    }

    @Test
    void recommendOutputGoesOnlyToARegularFileOrANewPath() throws Exception {
        Path artifact = TinyPipelines.artifact(dir, "served", TinyPipelines.POPULARITY);
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliRunner toFifo = CliRunner.run("recommend", "--artifact", artifact.toString(), "--all-users",
                "--output", fifo.toString());
        assertRefusedBeforeTraining(toFifo, fifo.toAbsolutePath() + ": exists and is not a regular file"
                + " (a folder, device, pipe or link); M6-Rec writes only to regular files or new paths");
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();

        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliRunner toFolder = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u1",
                "--output", folder.toString());
        assertRefusedBeforeTraining(toFolder, folder.toAbsolutePath() + ": exists and is not a regular file"
                + " (a folder, device, pipe or link); M6-Rec writes only to regular files or new paths");
        assertThat(listing(folder)).isEmpty();

        Path tsv = dir.resolve("lists/recs.tsv");
        CliRunner toNew = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u1",
                "--output", tsv.toString());
        assertThat(toNew.exitCode()).as(toNew.err()).isZero();
        assertThat(Files.readAllLines(tsv)).hasSize(10).allMatch(line -> line.startsWith("u1\t"));
        assertThat(listing(tsv.getParent())).containsExactly("recs.tsv");
    }
}
