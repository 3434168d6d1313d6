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
        // The MovieLens examples name data the user downloads (their headers say --set data.path=...);
        // config check now checks that the folder exists, so they get one.
        Path downloaded = Files.createDirectories(dir.resolve("ml-100k"));
        for (Path example : examples) {
            CliRunner result = Files.readString(example).contains("path: ml-100k")
                    ? CliRunner.run("config", "check", example.toString(), "--set", "data.path=" + downloaded)
                    : CliRunner.run("config", "check", example.toString());
            assertThat(result.exitCode()).as(example + ": " + result.err()).isEqualTo(0);
            assertThat(result.out()).contains(": ok (");
        }
    }

    @Test
    void aMissingDataPathIsReportedWithItsKey() throws IOException {
        Path config = write("missing.yaml", """
                data: { type: movielens, path: nowhere/ml-100k }
                interest: { type: popularity }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: data.path: no such file or folder: " + dir.resolve("nowhere/ml-100k")
                + System.lineSeparator());
    }

    @Test
    void aCsvColumnNotInTheHeaderIsReportedWithTheColumnItDiffersFromInCase() throws IOException {
        Files.writeString(dir.resolve("plays.csv"), "user,artist,plays\nu1,a1,3\n");
        Files.writeString(dir.resolve("artists.csv"), "id,name\na1,Some Band\n");
        Path config = write("columns.yaml", """
                data:
                  type: csv
                  path: plays.csv
                  columns: { user: user, item: Artist, rating: plays, timestamp: when }
                  item-attributes: { path: artists.csv, id: id, columns: { title: text } }
                interest: { type: popularity }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        Path plays = dir.resolve("plays.csv");
        assertThat(result.err()).isEqualTo("error: 3 configuration problems:\n"
                + "  data.columns.item: " + plays + ":1: missing column 'Artist' (header has user, artist, plays); did you mean 'artist'?\n"
                + "  data.columns.timestamp: " + plays + ":1: missing column 'when' (header has user, artist, plays)\n"
                + "  data.item-attributes.columns.title: " + dir.resolve("artists.csv")
                + ":1: missing column 'title' (header has id, name)" + System.lineSeparator());
    }

    @Test
    void aHeaderThatIsTheWholeFileIsNotPrintedWhole() throws IOException {
        // A file whose delimiter is not the configured one: its "header" is one long name.
        Files.writeString(dir.resolve("wide.csv"), "x".repeat(50_000) + "\n");
        Path config = write("wide.yaml", """
                data: { type: csv, path: wide.csv, columns: { user: user, item: item } }
                interest: { type: popularity }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("missing column 'user' (header has " + "x".repeat(60) + "... (50000 characters))")
                .hasSizeLessThan(1_000);
    }

    @Test
    void warnsAboutACutOffBeyondTheCatalogueTheConfigDecides() throws IOException {
        Path config = write("k.yaml", """
                data: { type: synthetic, users: 100, items: 50 }
                interest: { type: popularity }
                evaluation: { metrics: [hr@10, ndcg@5000] }
                """);
        CliRunner result = CliRunner.run("config", "check", config.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEqualTo("warning: evaluation.metrics[1]: ndcg@5000 asks for more items than the 50 of "
                + "data (synthetic); its lists hold them all" + System.lineSeparator());
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
