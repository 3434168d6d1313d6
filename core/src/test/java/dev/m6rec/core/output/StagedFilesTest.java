package dev.m6rec.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.M6RecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: output files land all or nothing, and only on regular files or new paths. */
class StagedFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void text(Path target, String text) {
        StagedFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void replacesARegularFileAndCreatesANewOne() throws IOException {
        Path existing = Files.writeString(dir.resolve("a.tsv"), "old");
        text(existing, "new");
        text(dir.resolve("sub/b.tsv"), "b");
        assertThat(existing).hasContent("new");
        assertThat(dir.resolve("sub/b.tsv")).hasContent("b");
        assertThat(names()).containsExactly("a.tsv", "sub");
    }

    @Test
    void aPipeIsRefusedAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> text(fifo, "x"))
                .isInstanceOf(M6RecException.class)
                .hasMessage(fifo + ": exists and is not a regular file (a folder, device, pipe or link);"
                        + " M6-Rec writes only to regular files or new paths");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(names()).containsExactly("fifo");
    }

    @Test
    void aFolderAndALinkAreRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path target = Files.writeString(dir.resolve("target"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThatThrownBy(() -> text(folder, "x")).isInstanceOf(M6RecException.class)
                .hasMessageStartingWith(folder + ": exists and is not a regular file");
        assertThatThrownBy(() -> text(link, "x")).isInstanceOf(M6RecException.class)
                .hasMessageStartingWith(link + ": exists and is not a regular file");
        assertThat(target).hasContent("kept");
        assertThat(names()).containsExactly("folder", "link", "target");
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = Files.writeString(dir.resolve("metrics.json"), "old");
        assertThatThrownBy(() -> StagedFiles.write(file, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(M6RecException.class).hasMessage("cannot write " + file + ": No space left on device");
        assertThat(file).hasContent("old");
        assertThat(names()).containsExactly("metrics.json");
    }

    @Test
    void nothingLandsUntilCommitAndCloseDiscardsWhatWasStaged() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "old a");
        try (StagedFiles files = new StagedFiles()) {
            files.stage(a, out -> out.write('n'));
            files.stage(dir.resolve("b"), out -> out.write('n'));
            assertThat(a).hasContent("old a");
        }
        assertThat(names()).containsExactly("a");
    }
}
