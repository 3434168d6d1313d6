package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifact store as the runtime relies on it: exact round trips, tamper detection, crash safety. */
class ArtifactIntegrityTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
    }

    @Test
    void saveLoadRecommendGivesIdenticalResults() {
        Path again = dir.resolve("again");
        try (M6Rec trained = TinyPipelines.train(dir, "pop-again", TinyPipelines.POPULARITY)) {
            trained.save(again);
            try (M6Rec loaded = M6Rec.load(again, List.of())) {
                assertThat(loaded.users()).isEqualTo(trained.users()).hasSize(200);
                for (String user : trained.users()) {
                    assertThat(loaded.recommend(user, 10, null)).isEqualTo(trained.recommend(user, 10, null));
                }
                assertThat(loaded.recommend(dev.m6rec.api.data.Attributes.none(), 5))
                        .isEqualTo(trained.recommend(dev.m6rec.api.data.Attributes.none(), 5));
            }
        }
    }

    @Test
    void flippingOneByteInAnyFileFailsTheLoadNamingThatFile() throws IOException {
        List<Path> files = files(artifact);
        assertThat(files).contains(Path.of("manifest.json"), Path.of("manifest.sha256"),
                Path.of("pipeline", "items.txt"), Path.of("interest", "scores.f32"));
        int n = 0;
        for (Path file : files) {
            Path copy = TinyPipelines.copy(artifact, dir.resolve("flipped-" + n++));
            if (Files.size(copy.resolve(file)) == 0) {
                continue;
            }
            TinyPipelines.flipOneByte(copy.resolve(file));
            assertThatThrownBy(() -> M6Rec.load(copy, List.of()))
                    .as("flipped a byte in %s", file)
                    .isInstanceOf(ArtifactException.class)
                    .hasMessageContaining(copy.toAbsolutePath().resolve(file).toString());
        }
    }

    @Test
    void aSaveKilledMidWayLeavesThePreviousArtifactLoadable() throws Exception {
        Path target = dir.resolve("killed");
        List<String> expected;
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            rec.save(target);
            expected = rec.recommend("u5", 10, null).stream().map(Recommendation::item).toList();
        }
        // The child starts its next save as soon as it reports one, so the kill lands inside a save.
        killDuringSaves(target, 3);
        try (M6Rec survivor = M6Rec.load(target, List.of())) {
            assertThat(survivor.recommend("u5", 10, null)).extracting(Recommendation::item).isEqualTo(expected);
        }
    }

    @Test
    void aCrashBetweenTheTwoRenamesIsReadWhereItWasSetAsideAndRolledBackOnlyByTheNextSave() throws IOException {
        Path target = TinyPipelines.copy(artifact, dir.resolve("half-swapped"));
        // The state a save leaves when it dies after moving the old artifact aside, before moving the new one in.
        Files.move(target, target.resolveSibling(".half-swapped.old"));
        Path tmp = Files.createDirectory(target.resolveSibling(".half-swapped.tmp-123"));
        Files.writeString(tmp.resolve("manifest.json"), "{ half written");
        try (M6Rec rec = M6Rec.load(target, List.of()); M6Rec original = M6Rec.load(artifact, List.of())) {
            assertThat(rec.recommend("u9", 10, null)).isEqualTo(original.recommend("u9", 10, null));
            // Opening is read-only (issue 12): it may be pointed at anyone's folder.
            assertThat(target).doesNotExist();
            assertThat(target.resolveSibling(".half-swapped.old")).isDirectory();
            assertThat(tmp.resolve("manifest.json")).exists();
            rec.save(target);
        }
        assertThat(target.resolveSibling(".half-swapped.old")).doesNotExist();
        assertThat(tmp).doesNotExist();
        try (M6Rec rec = M6Rec.load(target, List.of()); M6Rec original = M6Rec.load(artifact, List.of())) {
            assertThat(rec.recommend("u9", 10, null)).isEqualTo(original.recommend("u9", 10, null));
        }
    }

    private static void killDuringSaves(Path target, int delayMillis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(),
                artifact.toString(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("saved 2")) {
                lines.add(line);
            }
            assertThat(line).as("child output %s", lines).isEqualTo("saved 2");
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
