package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.m6rec.runtime.cli.CliRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Hostile configs and data through the CLI: exit 2, one line, no trace, within seconds. */
class BoundedInputCliTest {
    private static final Duration SECONDS = Duration.ofSeconds(20);
    private static final String NL = System.lineSeparator();
    private static final String SMALL = """
            data: { type: synthetic, users: 60, items: 40 }
            interest: { type: popularity }
            evaluation: { metrics: [ndcg@10] }
            """;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String yaml) throws IOException {
        return write(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static CliRunner fast(Supplier<CliRunner> run) {
        return assertTimeoutPreemptively(SECONDS, run::get);
    }

    /** Exit 2 and the error as the last line of stderr (a run prints progress before it), with no trace. */
    private static void assertOneLineUserError(CliRunner result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(NL + result.err()).endsWith(NL + "error: " + message + NL).doesNotContain("Exception", "\tat ");
        assertThat(result.err().lines().filter(l -> !l.startsWith("[")).toList()).containsExactly("error: " + message);
    }

    @Test
    void theNestedAliasFileOfTheIssueIsExit2() throws IOException {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x]\n");
        for (int i = 1; i < 24; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        Path config = write("bomb.yaml", yaml.toString());
        assertThat(Files.size(config)).isLessThan(600);
        for (String command : new String[] {"check", "run"}) {
            CliRunner result = fast(() -> command.equals("check") ? CliRunner.run("config", "check", config.toString())
                    : CliRunner.run("run", config.toString()));
            assertOneLineUserError(result, "l15: holds more than 100000 values (counting each use of a YAML alias);"
                    + " a config needs far fewer");
        }
    }

    @Test
    void aRecursiveAliasInTheFileOrInSetIsExit2() throws IOException {
        Path recursive = write("recursive.yaml", SMALL + "a: &a [*a]\n");
        assertOneLineUserError(fast(() -> CliRunner.run("config", "check", recursive.toString())),
                "a[0]: a YAML alias that contains itself (a recursive alias) is not allowed");
        Path plain = write("plain.yaml", SMALL);
        assertOneLineUserError(fast(() -> CliRunner.run("config", "check", plain.toString(), "--set", "a=[&x [*x]]")),
                "a[0][0]: --set value: a YAML alias that contains itself (a recursive alias) is not allowed");
    }

    @Test
    void aNulByteAndInvalidUtf8AreExit2WithFileAndLine() throws IOException {
        Path nul = write("nul.yaml", SMALL + "seed: 4\u00002\n");
        assertOneLineUserError(CliRunner.run("config", "check", nul.toString()),
                nul + ":4: control character U+0000 (NUL) is not allowed in a config");
        byte[] latin1 = (SMALL + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Path bad = write("latin1.yaml", latin1);
        assertOneLineUserError(CliRunner.run("config", "check", bad.toString()), bad + ":4: not UTF-8 text (byte 0xe9)");
    }

    @Test
    void aFiftyMegabyteQuotedScalarIsExit2Quickly() throws IOException {
        Path config = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(config)) {
            out.write((SMALL + "name: \"").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        assertOneLineUserError(fast(() -> CliRunner.run("config", "check", config.toString())),
                config + ": config file is larger than 256 KiB; a config is a few KB");
    }

    @Test
    void aHugeMetricCutOffIsRefusedAtConfigCheck() throws IOException {
        Path config = write("k.yaml", SMALL.replace("ndcg@10", "ndcg@2000000000"));
        assertOneLineUserError(CliRunner.run("config", "check", config.toString()),
                "evaluation.metrics[0]: metric 'ndcg@2000000000': cut-off must be at most 10000 (the catalogue is not"
                        + " known before loading; at run start a cut-off above it measures the whole ranking)");
    }

    @Test
    void aCutOffAboveTheCatalogueRunsAndSaysSo() throws IOException {
        Path config = write("k.yaml", SMALL.replace("ndcg@10", "ndcg@5000") + "output: { dir: " + dir.resolve("out")
                + " }\n");
        CliRunner result = CliRunner.run("run", config.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err()).contains("evaluation: ndcg@5000 ask for more items than the catalogue"
                + " holds (40); their lists hold all 40");
    }

    @Test
    void aSeedOutsideTheLongRangeIsRefusedNotWrapped() throws IOException {
        Path config = write("seed.yaml", SMALL);
        assertOneLineUserError(CliRunner.run("config", "check", config.toString(), "--set", "seed=9223372036854775808"),
                "seed: expected an integer (was 9223372036854775808)");
        assertOneLineUserError(CliRunner.run("config", "check", config.toString(), "--set", "seed=-9223372036854775809"),
                "seed: expected an integer (was -9223372036854775809)");
        assertThat(CliRunner.run("config", "check", config.toString(), "--set", "seed=9223372036854775807").exitCode())
                .isZero();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void dataFromDevZeroEndsWithTheLineLengthError() throws IOException {
        Path config = write("zero.yaml", """
                data: { type: csv, path: /dev/zero, header: false, columns: { user: 0, item: 1 } }
                interest: { type: popularity }
                """);
        assertOneLineUserError(fast(() -> CliRunner.run("run", config.toString())),
                "/dev/zero:1: line longer than 1 MiB; is this a text file of records?");
    }

    @Test
    void aRatingOf1e39IsRefusedWithFileAndLine() throws IOException {
        Path data = write("r.csv", "user,item,rating\nu1,i1,4\nu2,i1,1e39\n");
        Path config = write("csv.yaml", "data: { type: csv, path: r.csv, columns: { user: user, item: item, rating:"
                + " rating } }\ninterest: { type: popularity }\n");
        assertOneLineUserError(CliRunner.run("run", config.toString()), data + ":3: rating '1e39' is not a finite number");
    }
}
