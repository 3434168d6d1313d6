package dev.m6rec.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a save replaces only what M6-Rec wrote, opening renames nothing, a failed save leaves no trace. */
class ArtifactTargetTest {
    @TempDir
    Path dir;

    private static final ArtifactManifest BASE = new ArtifactManifest(ArtifactManifest.FORMAT,
            ArtifactManifest.CURRENT_VERSION, Map.of(), 1, List.of(), List.of(), Map.of(), Map.of(), Map.of());

    private static void save(Path target, String text) {
        ArtifactStore.save(target, BASE, Map.of("state", out -> out.writeText("value.txt", text)));
    }

    private static String value(Path target) {
        return ArtifactStore.open(target).reader("state").readText("value.txt");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderThatIsNotAnArtifactIsRefusedNamedAndKept() throws IOException {
        Path target = Files.createDirectories(dir.resolve("artifact"));
        Files.writeString(target.resolve("important.txt"), "x");
        assertThatThrownBy(() -> save(target, "new"))
                .isInstanceOf(ArtifactException.class)
                .hasMessage(target + ": not empty and not an M6-Rec artifact (no manifest.json); M6-Rec replaces"
                        + " only its own artifacts or empty folders (move it away or choose another path)");
        assertThat(target.resolve("important.txt")).hasContent("x");
        assertThat(siblings()).containsExactly("artifact");
    }

    @Test
    void anArtifactWithAFileItsManifestDoesNotListIsRefused() throws IOException {
        Path target = dir.resolve("artifact");
        save(target, "old");
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> save(target, "new"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(target + ": holds " + target.resolve("notes.txt") + ", which its manifest does not list");
        assertThat(target.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void anExistingFileIsRefusedAndKept() throws IOException {
        Path target = Files.writeString(dir.resolve("artifact"), "a file");
        assertThatThrownBy(() -> save(target, "new"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(target + ": exists and is not a folder;");
        assertThat(target).hasContent("a file");
    }

    @Test
    void anEmptyFolderAndOurOwnArtifactAreReplaced() throws IOException {
        Path target = Files.createDirectories(dir.resolve("artifact"));
        save(target, "first");
        assertThat(value(target)).isEqualTo("first");
        save(target, "second");
        assertThat(value(target)).isEqualTo("second");
        assertThat(siblings()).containsExactly("artifact");
    }

    @Test
    void aStrangersFolderWhereTheOldArtifactIsSetAsideIsRefusedAndKept() throws IOException {
        Path target = dir.resolve("data");
        save(target, "old");
        Path old = Files.createDirectories(dir.resolve(".data.old"));
        Files.writeString(old.resolve("theirs.txt"), "x");
        assertThatThrownBy(() -> save(target, "new"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(old + ": not empty and not an M6-Rec artifact");
        assertThat(old.resolve("theirs.txt")).hasContent("x");
        assertThat(value(target)).isEqualTo("old");
    }

    @Test
    void openingNeverRenamesAStrangersOldFolder() throws IOException {
        Path target = dir.resolve("data");
        Path old = Files.createDirectories(dir.resolve(".data.old"));
        Files.writeString(old.resolve("theirs.txt"), "x");
        assertThatThrownBy(() -> ArtifactStore.open(target))
                .isInstanceOf(ArtifactException.class)
                .hasMessage(target + ": not an M6-Rec artifact (no manifest.json)");
        assertThat(siblings()).containsExactly(".data.old");
        assertThat(old.resolve("theirs.txt")).hasContent("x");
    }

    @Test
    void aSwapCutBetweenItsRenamesIsReadInPlaceOnOpenAndRolledBackOnlyBySave() throws IOException {
        Path target = dir.resolve("data");
        save(target, "previous");
        Files.move(target, dir.resolve(".data.old"));
        assertThat(value(target)).isEqualTo("previous");
        assertThat(siblings()).containsExactly(".data.old");
        save(target, "next");
        assertThat(value(target)).isEqualTo("next");
        assertThat(siblings()).containsExactly("data");
    }

    @Test
    void aFullDiskLeavesThePreviousArtifactAndNoTemporaryFolder() throws IOException {
        Path target = dir.resolve("artifact");
        save(target, "previous");
        Consumer<ArtifactWriter> full = out -> {
            out.writeText("part.txt", "half");
            throw new UncheckedIOException(new IOException("No space left on device"));
        };
        assertThatThrownBy(() -> ArtifactStore.save(target, BASE, Map.of("state", full)))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("cannot save artifact " + target + ": No space left on device");
        assertThat(value(target)).isEqualTo("previous");
        assertThat(siblings()).containsExactly("artifact");
    }

    @Test
    void leftoversOfAKilledSaveAreRemovedByTheNextSaveButLookAlikesAreNot() throws IOException {
        Path target = dir.resolve("artifact");
        Files.createDirectories(dir.resolve(".artifact.tmp-123"));
        Files.createDirectories(dir.resolve(".artifact.tmp-mine"));
        save(target, "v");
        assertThat(siblings()).containsExactly(".artifact.tmp-mine", "artifact");
    }
}
