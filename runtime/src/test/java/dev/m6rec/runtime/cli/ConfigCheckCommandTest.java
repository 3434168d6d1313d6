package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void reportsAnUnknownKeyAnOutOfRangeValueAndAnUnknownTypeTogether() throws IOException {
        Path config = write("bad.yaml", """
                data: { type: synthetic, users: 100, items: 50 }
                split: { type: ratio, ratioz: [0.8, 0.1, 0.1] }
                interest: { type: popularty }
                output: { samples: -1 }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("split.ratioz: unknown key; did you mean 'ratios'?")
                .contains("interest.type: unknown interest model 'popularty'; did you mean 'popularity'?")
                .contains("output.samples: must be >= 0 (was -1)")
                .doesNotContain("Exception");
    }

    @Test
    void reportsWhatWouldOnlyFailAfterTrainingBeforeAnythingTrains() throws IOException {
        Path config = write("late.yaml", """
                interest: { type: ease }
                recommend: { recall: { history: 100, embedding: 50 }, diversity: 0.2 }
                optimizer: { type: tpe, space: { interest.factors: { int: [8, 64] } } }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(
                "recommend.diversity: needs a similarity section",
                "recommend.recall.history: needs a similarity section",
                "recommend.recall.embedding: needs item embeddings, and interest model 'ease' learns no item embeddings")
                .doesNotContain("Exception");
        Path space = write("space.yaml", """
                interest: { type: ease }
                optimizer: { type: tpe, space: { interest.factors: { int: [8, 64] } } }
                """);
        CliRunner spaced = CliRunner.run("config", "check", space.toString());
        assertThat(spaced.exitCode()).isEqualTo(2);
        assertThat(spaced.err()).contains("optimizer.space.interest.factors: no such config path: 'interest.factors'");
    }

    @Test
    void refusesAGlobalTagWithExitTwo() throws IOException {
        Path config = write("evil.yaml", """
                data: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("evil.yaml:1").doesNotContain("at dev.m6rec");
    }

    @Test
    void acceptsTheQuickstartConfig() {
        CliRunner result = CliRunner.run("config", "check", "../examples/quickstart.yaml");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains(": ok (data=synthetic, split=ratio");
    }

    @Test
    void everyShippedExampleConfigPassesTheCheck() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path example : examples) {
            CliRunner result = CliRunner.run("config", "check", example.toString());
            assertThat(result.exitCode()).as(example + ": " + result.err()).isEqualTo(0);
            assertThat(result.out()).contains(": ok (");
        }
    }

    @Test
    void aMissingFileIsAUserError() {
        CliRunner result = CliRunner.run("run", dir.resolve("nope.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.yaml");
    }

    @Test
    void anUnknownOptionIsAUserError() {
        assertThat(CliRunner.run("run", "--frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[] {"run", "tune", "plugins"}) {
            CliRunner result = CliRunner.run(verb, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: m6rec " + verb);
        }
        assertThat(CliRunner.run("config", "check", "--help").out()).contains("Usage: m6rec config check");
    }
}
