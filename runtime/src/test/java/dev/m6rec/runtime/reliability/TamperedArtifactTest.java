package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts tampered with and resealed (every checksum recomputed) are refused by the readers' own checks. */
class TamperedArtifactTest {
    @TempDir
    static Path dir;
    private static Path artifact;
    private static int copies;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
    }

    private static Path copy() {
        return TinyPipelines.copy(artifact, dir.resolve("tampered-" + copies++)).toAbsolutePath();
    }

    private static String truncated(Path copy, String file) {
        return copy.resolve(file) + ": truncated";
    }

    @Test
    void aLengthHeaderOfIntMaxIsTruncatedNotAnOverflow() throws IOException {
        Path copy = copy();
        Reseal.setArrayLength(copy, "pipeline/known-users.i32", 0x7fffffff);
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(truncated(copy, "pipeline/known-users.i32"));
    }

    @Test
    void aLengthHeaderOfOneGibibyteInASmallFileIsRefusedBeforeAllocating() throws IOException {
        Path copy = copy();
        Reseal.setArrayLength(copy, "pipeline/known-ratings.f32", 0x10000000);
        assertThat(Files.size(copy.resolve("pipeline/known-ratings.f32"))).isLessThan(1 << 20);
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(truncated(copy, "pipeline/known-ratings.f32"));
    }

    @Test
    void theCliReportsATamperedLengthAsOneLineWithExit2() throws IOException {
        Path copy = copy();
        Reseal.setArrayLength(copy, "pipeline/known-timestamps.i64", 0x7fffffff);
        CliRunner result = CliRunner.run("recommend", "--artifact", copy.toString(), "--user", "u1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: "
                + truncated(copy, "pipeline/known-timestamps.i64") + System.lineSeparator());
    }

    @Test
    void aNotANumberScoreInAResealedArtifactIsRefusedNotServed() {
        Path copy = copy();
        Reseal.setFloat(copy, "interest/scores.f32", 0, Float.NaN);
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(copy.resolve("interest") + "/scores.f32: value 0 is not finite (NaN)");
    }

    @Test
    void aFormatVersionGivenAsAStringIsRefused() {
        Path copy = copy();
        Reseal.editManifest(copy, "\"formatVersion\" : 1,", "\"formatVersion\" : \"1\",");
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(copy.resolve("manifest.json") + ":")
                .hasMessageContaining(": unreadable manifest at formatVersion (Cannot coerce String value (\"1\") to `int`");
    }

    @Test
    void aFractionalFormatVersionIsRefused() {
        Path copy = copy();
        Reseal.editManifest(copy, "\"formatVersion\" : 1,", "\"formatVersion\" : 1.5,");
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(copy.resolve("manifest.json") + ":")
                .hasMessageContaining(": unreadable manifest at formatVersion (Cannot coerce Floating-point value (1.5)");
    }

    @Test
    void aDuplicateKeyIsRefusedNotResolvedLastWins() {
        Path copy = copy();
        Reseal.editManifest(copy, "\"formatVersion\" : 1,", "\"formatVersion\" : 1,\n  \"formatVersion\" : 1,");
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith(copy.resolve("manifest.json") + ":")
                .hasMessageEndingWith(": unreadable manifest (Duplicate field 'formatVersion')");
    }

    @Test
    void aManifestWrittenBeforePluginSourcesWereRecordedStillLoads() throws IOException {
        Path copy = copy();
        Matcher source = Pattern.compile(",\\s*\"source\" : \"classpath\"")
                .matcher(Files.readString(copy.resolve("manifest.json")));
        assertThat(source.find()).as("the manifest records where each plugin came from").isTrue();
        Reseal.editManifest(copy, source.group(), "");
        assertThat(Files.readString(copy.resolve("manifest.json"))).doesNotContain("\"source\"");
        try (M6Rec rec = M6Rec.load(copy, List.of())) {
            assertThat(rec.users()).isNotEmpty();
        }
    }

    @Test
    void aComponentNamingAPluginNotListedIsRefused() {
        Path copy = copy();
        Reseal.editManifest(copy, "\"plugin\" : \"baselines\"", "\"plugin\" : \"elsewhere\"");
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(copy.resolve("manifest.json") + ": components: 'interest' names plugin 'elsewhere', which"
                        + " is not in plugins");
    }

    @Test
    void aMetricThatIsNotANumberIsRefused() throws IOException {
        Path copy = copy();
        String manifest = Files.readString(copy.resolve("manifest.json"));
        int at = manifest.indexOf("\"metrics\" : {");
        assertThat(at).isPositive();
        Reseal.editManifest(copy, "\"metrics\" : {", "\"metrics\" : {\n    \"zz\" : { \"hr@1\" : null },");
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(copy.resolve("manifest.json") + ": metrics.zz.hr@1: expected a finite number (was null)");
    }
}
