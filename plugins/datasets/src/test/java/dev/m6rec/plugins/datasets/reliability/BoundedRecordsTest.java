package dev.m6rec.plugins.datasets.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.csv.CsvLoaderFactory;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file loader refuses what is not a finite number, not text, or not a line, naming file:line. */
class BoundedRecordsTest {
    @TempDir
    Path dir;

    static List<HostileDataFiles> loaders() {
        return HostileDataFiles.all();
    }

    static List<HostileDataFiles> utf8Loaders() {
        return HostileDataFiles.all().stream().filter(l -> l.charset().equals(UTF_8)).toList();
    }

    private static List<String[]> withRow(int at, String... row) {
        List<String[]> rows = new ArrayList<>(HostileDataFiles.VALID_ROWS);
        rows.add(at, row);
        return rows;
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void theFixtureLoads(HostileDataFiles loader) {
        loader.write(dir, HostileDataFiles.VALID_ROWS);
        Dataset ds = loader.load(dir);
        assertThat(ds.interactions().size()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void ratingsThatOverflowAreRefusedWithFileAndLine(HostileDataFiles loader) {
        for (String rating : List.of("1e39", "1e309", "-1e39")) {
            Path file = loader.write(dir, withRow(1, "u3", "i3", rating));
            assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(DataException.class)
                    .hasMessage(file + ":" + loader.lineOf(1) + ": rating '" + rating + "' is not a finite number");
        }
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void ratingsSpelledAsWordsAreRefusedWithFileAndLine(HostileDataFiles loader) {
        for (String rating : List.of("Infinity", "NaN", "-inf", "+Infinity", "nan")) {
            Path file = loader.write(dir, withRow(2, "u3", "i3", rating));
            assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(DataException.class)
                    .hasMessage(file + ":" + loader.lineOf(2) + ": rating '" + rating + "' is not a number");
        }
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void underSkipANonFiniteRatingIsCountedNotSilent(HostileDataFiles loader) {
        Path file = loader.write(dir, withRow(1, "u3", "i3", "1e39"));
        Dataset ds = loader.load(dir, "on-error", "skip");
        assertThat(ds.interactions().size()).isEqualTo(3);
        assertThat(ds.loadCounts()).containsEntry("skipped-lines", 1L)
                .containsEntry("skipped-lines:" + file.getFileName(), 1L);
        for (int r = 0; r < ds.interactions().size(); r++) {
            assertThat(ds.interactions().rating(r)).isFinite();
        }
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void aNulByteInAnIdIsRefusedWithFileAndLine(HostileDataFiles loader) {
        Path file = loader.write(dir, withRow(1, "u1\u0000", "i3", "4"));
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(DataException.class)
                .hasMessage(file + ":" + loader.lineOf(1) + ": field 1 contains a NUL byte");
    }

    @ParameterizedTest
    @MethodSource("utf8Loaders")
    void invalidUtf8IsRefusedWithFileAndLineNotReplaced(HostileDataFiles loader) {
        byte[] valid = loader.format().apply(HostileDataFiles.VALID_ROWS).getBytes(UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(valid);
        bytes.writeBytes(new byte[] {'u', (byte) 0xC3, '(', '\n'}); // a lead byte without its continuation
        Path file = loader.writeBytes(dir, bytes.toByteArray());
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(DataException.class)
                .hasMessage(file + ":" + loader.lineOf(3) + ": field 1 is not valid UTF-8 (byte 0xc3)");
    }

    @ParameterizedTest
    @MethodSource("utf8Loaders")
    void underSkipInvalidUtf8IsCounted(HostileDataFiles loader) {
        byte[] valid = loader.format().apply(HostileDataFiles.VALID_ROWS).getBytes(UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(valid);
        bytes.writeBytes(new byte[] {'u', (byte) 0xFF, '\n'});
        loader.writeBytes(dir, bytes.toByteArray());
        Dataset ds = loader.load(dir, "on-error", "skip");
        assertThat(ds.users().ids()).containsExactly("u1", "u2");
        assertThat(ds.loadCounts()).containsEntry("skipped-lines", 1L);
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void aLineLongerThanOneMebibyteFailsEvenUnderSkip(HostileDataFiles loader) {
        Path file = loader.write(dir, withRow(1, "u".repeat(1 << 20), "i3", "4"));
        String expected = file + ":" + loader.lineOf(1) + ": line longer than 1 MiB; is this a text file of records?";
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(DataException.class).hasMessage(expected);
        assertThatThrownBy(() -> loader.load(dir, "on-error", "skip")).isInstanceOf(DataException.class)
                .hasMessage(expected);
    }

    @Test
    void aMalformedHeaderFailsEvenUnderSkipRatherThanTheNextLineBecomingTheHeader() throws Exception {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, "user\u0000,item,rating\nu1,i1,4\n");
        assertThatThrownBy(() -> LoaderConfigs.load(new CsvLoaderFactory(), dir, Map.of("path", file.toString(),
                "on-error", "skip", "columns", Map.of("user", "user", "item", "item", "rating", "rating"))))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":1: field 1 contains a NUL byte");
    }

    @Test
    void aLineJustUnderTheBoundIsRead() {
        HostileDataFiles csv = HostileDataFiles.all().get(0);
        String id = "u".repeat((1 << 20) - 20);
        csv.write(dir, withRow(1, id, "i3", "4"));
        assertThat(csv.load(dir).users().ids()).contains(id);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroEndsWithTheLineLengthErrorNotOutOfMemory() {
        Path zero = Path.of("/dev/zero");
        assertThat(Files.exists(zero)).isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> LoaderConfigs.load(
                new CsvLoaderFactory(), dir, Map.of("path", zero.toString(), "header", false,
                        "columns", Map.of("user", 0, "item", 1))))
                .isInstanceOf(DataException.class)
                .hasMessage("/dev/zero:1: line longer than 1 MiB; is this a text file of records?"));
    }
}
