package dev.m6rec.core.split;

import static dev.m6rec.core.prepare.TinyDatasets.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.prepare.TinyDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresplitSplitterTest {
    /** Pair (1, 10) occurs twice, at 100 and 400. */
    private static final Dataset DATA = TinyDatasets.of("ps",
            "1 10 5 100",
            "1 20 3 200",
            "2 10 4 150",
            "2 30 2 250",
            "3 40 1 300",
            "1 10 4 400");

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private DataSplit split(Map<String, Object> section, long seed, Dataset dataset) {
        PresplitSplitterFactory factory = new PresplitSplitterFactory();
        var settings = Sections.bind(factory, "split", section, dir);
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return ProgressReporter.silent().begin(name, total);
            }

            @Override
            public void info(String message) {
                progress.add(message);
            }
        };
        DefaultPluginContext context = new DefaultPluginContext(seed, "split", Executors.newSingleThreadExecutor(), 1,
                reporter, dir);
        return factory.create(settings, context).split(dataset);
    }

    @Test
    void rowsAreMatchedByUserItemAndTimeAndUnlistedRowsTrain() throws IOException {
        file("u.test", "1\t10\t4\t400\n2\t30\t2\t250\n");
        file("u.valid", "3\t40\t1\t300\n");
        DataSplit split = split(Map.of("test", "u.test", "valid", "u.valid"), 1, DATA);
        assertThat(rows(DATA, split.train())).containsExactly("1 10 5 100", "1 20 3 200", "2 10 4 150");
        assertThat(rows(DATA, split.valid())).containsExactly("3 40 1 300");
        // Dataset order, not file order; the repeated pair's test row is the one at 400.
        assertThat(rows(DATA, split.test())).containsExactly("2 30 2 250", "1 10 4 400");
        assertThat(progress).containsExactly("presplit: test 2, valid 1, train 3 (rows in no file)");
    }

    @Test
    void withATrainFileRowsInNoFileAreLeftOut() throws IOException {
        file("train.csv", "1,10,5,100\n1,20,3,200\n\n");
        file("test.csv", "1,10,4,400\n");
        DataSplit split = split(Map.of("train", "train.csv", "test", "test.csv"), 1, DATA);
        assertThat(rows(DATA, split.train())).containsExactly("1 10 5 100", "1 20 3 200");
        assertThat(split.valid().size()).isZero();
        assertThat(rows(DATA, split.test())).containsExactly("1 10 4 400");
        assertThat(progress).containsExactly("presplit: test 1, train 2, 3 dataset rows in no file, left out");
    }

    @Test
    void fileRowsMatchingNothingAreCountedNotFatal() throws IOException {
        // An unknown user, a known pair at another time, and one good row.
        file("test.tsv", "9\t10\t1\t100\n1\t20\t3\t999\n2\t10\t4\t150\n");
        DataSplit split = split(Map.of("test", "test.tsv"), 1, DATA);
        assertThat(rows(DATA, split.test())).containsExactly("2 10 4 150");
        assertThat(progress).containsExactly("presplit: test 1 (2 file rows unmatched), train 5 (rows in no file)");
    }

    @Test
    void matchingWithoutTimeHandsOutRepeatedRowsInDatasetOrder() throws IOException {
        file("test.dat", "1::10::3\n1::10\n1::10\n");
        DataSplit split = split(Map.of("test", "test.dat", "match", "user-item"), 1, DATA);
        assertThat(rows(DATA, split.test())).containsExactly("1 10 5 100", "1 10 4 400");
        assertThat(progress).containsExactly("presplit: test 2 (1 file rows unmatched), train 4 (rows in no file)");
    }

    @Test
    void aHeaderLineIsSkippedWhenDeclaredAndTheDelimiterCanBeNamed() throws IOException {
        file("test.txt", "user;item;rating;time\n2;30;2;250\n");
        DataSplit split = split(Map.of("test", "test.txt", "header", true, "delimiter", "semicolon"), 1, DATA);
        assertThat(rows(DATA, split.test())).containsExactly("2 30 2 250");
    }

    @Test
    void aFileWhoseRowsMatchNothingIsAnError() throws IOException {
        Path test = file("wrong.tsv", "10\t1\t5\t100\n20\t1\t3\t200\n");
        assertThatThrownBy(() -> split(Map.of("test", "wrong.tsv"), 1, DATA))
                .isInstanceOf(DataException.class)
                .hasMessage(test + ": none of its 2 rows matches a row of dataset 'ps' by (user, item, timestamp)");
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        Path noTime = file("a.tsv", "1\t10\t5\t100\n1\t20\t3\n");
        assertThatThrownBy(() -> split(Map.of("test", "a.tsv"), 1, DATA))
                .isInstanceOf(DataException.class)
                .hasMessage(noTime + ":2: expected a timestamp in field 4 to match rows by (user, item, timestamp), "
                        + "found 3 fields (match: user-item matches without time)");
        Path badTime = file("b.tsv", "1\t10\t5\tyesterday\n");
        assertThatThrownBy(() -> split(Map.of("test", "b.tsv"), 1, DATA))
                .isInstanceOf(DataException.class)
                .hasMessage(badTime + ":1: timestamp 'yesterday' is not whole epoch seconds");
        Path oneField = file("c.tsv", "1\t10\t5\t100\n1\n");
        assertThatThrownBy(() -> split(Map.of("test", "c.tsv"), 1, DATA))
                .isInstanceOf(DataException.class)
                .hasMessage(oneField + ":2: expected user, item[, rating[, timestamp]] separated by <tab>, found '1'");
        assertThatThrownBy(() -> split(Map.of("test", "missing.tsv"), 1, DATA))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("missing.tsv") + ": file not found");
    }

    @Test
    void matchingByTimeNeedsTimestampsInTheData() throws IOException {
        file("t.tsv", "1\t10\n");
        Dataset untimed = TinyDatasets.of("untimed", "1 10 5", "2 10 4");
        assertThatThrownBy(() -> split(Map.of("test", "t.tsv"), 1, untimed))
                .isInstanceOf(ConfigException.class)
                .hasMessage("split.match: dataset 'untimed' has no timestamps to match by; use match: user-item");
        assertThat(rows(untimed, split(Map.of("test", "t.tsv", "match", "user-item"), 1, untimed).test()))
                .containsExactly("1 10 5");
    }

    @Test
    void theSplitIsDeterministicAndIgnoresTheSeed() throws IOException {
        file("test.tsv", "1\t10\n2\t10\n");
        Map<String, Object> section = Map.of("test", "test.tsv", "match", "user-item");
        DataSplit one = split(section, 1, DATA);
        DataSplit two = split(section, 2, DATA);
        assertThat(rows(DATA, one.test())).isEqualTo(rows(DATA, two.test())).containsExactly("1 10 5 100", "2 10 4 150");
        assertThat(rows(DATA, one.train())).isEqualTo(rows(DATA, two.train()));
    }

    @Test
    void theSectionIsValidatedWithKeyPaths() {
        List<String> problems = new ArrayList<>();
        try {
            RunConfigValidator.validate(RawConfig.fromMap(Map.of("split", Map.of("type", "presplit", "match", "time",
                    "tests", "x"))), CoreSplitterRegistry.with());
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(p.toString()));
        }
        assertThat(problems).containsExactlyInAnyOrder(
                "split.match: must be one of [user-item-time, user-item] (was 'time')",
                "split.tests: unknown key; did you mean 'test'?",
                "split.test: required (the file listing the test interactions)");
        assertThatThrownBy(() -> RunConfigValidator.validate(RawConfig.fromMap(Map.of("split", Map.of("type", "presplit",
                "test", "t", "delimiter", "\t"))), CoreSplitterRegistry.with()))
                .hasMessage("split.delimiter: must not be blank; name it: tab, space, comma, semicolon or auto");
    }
}
