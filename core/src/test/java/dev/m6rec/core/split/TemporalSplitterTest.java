package dev.m6rec.core.split;

import static dev.m6rec.core.prepare.TinyDatasets.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.prepare.TinyDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalSplitterTest {
    /** Ten rows whose times are out of file order: row r has time TIMES[r]. */
    private static final Dataset TEN = TinyDatasets.of("ten",
            "a p 1 500", "b q 1 100", "c r 1 900", "a s 1 300", "b p 1 700",
            "c q 1 200", "a r 1 1000", "b s 1 600", "c p 1 400", "a q 1 800");
    private static final long NEW_YEAR_2020 = 1577836800L;
    private final PluginRegistry registry = CoreSplitterRegistry.with();

    @TempDir
    Path dir;

    private static DataSplit split(Map<String, Object> section, long seed, Dataset dataset) {
        PluginContext context = new DefaultPluginContext(seed, "split", Executors.newSingleThreadExecutor(), 1,
                ProgressReporter.silent(), Path.of("."));
        return Sections.create(new TemporalSplitterFactory(), "split", section, context).split(dataset);
    }

    private List<String> problems(Map<String, Object> split) {
        try {
            RunConfigValidator.validate(RawConfig.fromMap(Map.of("split", split)), registry);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void fixedCutOffsCutAtOrAfterEachTime() {
        DataSplit split = split(Map.of("valid-from", 600, "test-from", 800), 1, TEN);
        assertThat(rows(TEN, split.train())).containsExactly("a p 1 500", "b q 1 100", "a s 1 300", "c q 1 200", "c p 1 400");
        assertThat(rows(TEN, split.valid())).containsExactly("b p 1 700", "b s 1 600");
        assertThat(rows(TEN, split.test())).containsExactly("c r 1 900", "a r 1 1000", "a q 1 800");
    }

    @Test
    void withoutAValidationCutOffValidationIsEmpty() {
        DataSplit split = split(Map.of("test-from", 800), 1, TEN);
        assertThat(split.train().size()).isEqualTo(7);
        assertThat(split.valid().size()).isZero();
        assertThat(rows(TEN, split.test())).containsExactly("c r 1 900", "a r 1 1000", "a q 1 800");
    }

    @Test
    void quantilesCutAtThatPositionOfTheSortedTimes() {
        // Sorted times 100..1000: position floor(0.5 * 10) = 5 is 600, position 8 is 900.
        DataSplit split = split(Map.of("valid-quantile", 0.5, "test-quantile", 0.8), 1, TEN);
        assertThat(rows(TEN, split.train())).containsExactly("a p 1 500", "b q 1 100", "a s 1 300", "c q 1 200", "c p 1 400");
        assertThat(rows(TEN, split.valid())).containsExactly("b p 1 700", "b s 1 600", "a q 1 800");
        assertThat(rows(TEN, split.test())).containsExactly("c r 1 900", "a r 1 1000");
    }

    @Test
    void tiesAtAQuantileCutOffAllGoToTheLaterPart() {
        Dataset ties = TinyDatasets.of("ties", "a x 1 10", "a y 1 20", "b x 1 20", "b y 1 20");
        DataSplit split = split(Map.of("test-quantile", 0.9), 1, ties);
        assertThat(rows(ties, split.train())).containsExactly("a x 1 10");
        assertThat(rows(ties, split.test())).containsExactly("a y 1 20", "b x 1 20", "b y 1 20");
    }

    @Test
    void isoDatesAndDateTimesAreUtcUnlessAnOffsetIsGiven() {
        Dataset year = TinyDatasets.of("year", "a x 1 " + (NEW_YEAR_2020 - 1), "a y 1 " + NEW_YEAR_2020,
                "b x 1 " + (NEW_YEAR_2020 + 3600));
        assertThat(rows(year, split(Map.of("test-from", "2020-01-01"), 1, year).test())).hasSize(2);
        assertThat(rows(year, split(Map.of("test-from", "2020-01-01T00:00:01Z"), 1, year).test())).hasSize(1);
        assertThat(rows(year, split(Map.of("test-from", "2020-01-01T01:00:00+01:00"), 1, year).test())).hasSize(2);
        assertThat(TimeCutoff.parseSeconds("2020-01-01 01:00:00")).isEqualTo(NEW_YEAR_2020 + 3600);
        assertThat(TimeCutoff.parseSeconds("2020-01-01T01:00")).isEqualTo(NEW_YEAR_2020 + 3600);
        assertThat(TimeCutoff.parseSeconds(" 1577836800 ")).isEqualTo(NEW_YEAR_2020);
    }

    @Test
    void anUnquotedYamlDateIsReadBackInTheZoneItWasPrintedIn() {
        // SnakeYAML makes a java.util.Date of it, which reaches the string parameter as Date.toString().
        for (String zone : List.of("UTC", "America/Chicago", "Asia/Kolkata", "Europe/Dublin")) {
            SimpleDateFormat dateToString = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
            dateToString.setTimeZone(TimeZone.getTimeZone(zone));
            String printed = dateToString.format(new Date(NEW_YEAR_2020 * 1000));
            assertThat(TimeCutoff.parseSeconds(printed, TimeZone.getTimeZone(zone).toZoneId())).as(printed)
                    .isEqualTo(NEW_YEAR_2020);
        }
        // 01:30 happened twice in Chicago on 2020-11-01, first as CDT then as CST.
        SimpleDateFormat chicago = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
        chicago.setTimeZone(TimeZone.getTimeZone("America/Chicago"));
        for (String instant : List.of("2020-11-01T06:30:00Z", "2020-11-01T07:30:00Z")) {
            long seconds = Instant.parse(instant).getEpochSecond();
            String printed = chicago.format(new Date(seconds * 1000));
            assertThat(TimeCutoff.parseSeconds(printed, ZoneId.of("America/Chicago"))).as(printed).isEqualTo(seconds);
        }
    }

    @Test
    void anUnquotedYamlDateWorksEndToEnd() throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "split: {type: temporal, valid-from: 2019-12-31, test-from: 2020-01-01}\n");
        RunConfig config = RunConfigValidator.validate(new ConfigLoader(name -> null, name -> null).read(file, List.of()),
                registry);
        Dataset year = TinyDatasets.of("year", "a x 1 " + (NEW_YEAR_2020 - 86401), "a y 1 " + (NEW_YEAR_2020 - 1),
                "b x 1 " + NEW_YEAR_2020);
        PluginContext context = new DefaultPluginContext(1, "split", Executors.newSingleThreadExecutor(), 1,
                ProgressReporter.silent(), dir);
        DataSplit split = config.split().<DatasetSplitter>create(context).split(year);
        assertThat(rows(year, split.train())).containsExactly("a x 1 " + (NEW_YEAR_2020 - 86401));
        assertThat(rows(year, split.valid())).containsExactly("a y 1 " + (NEW_YEAR_2020 - 1));
        assertThat(rows(year, split.test())).containsExactly("b x 1 " + NEW_YEAR_2020);
    }

    @Test
    void theSplitIsDeterministicAndIgnoresTheSeed() {
        Map<String, Object> section = Map.of("valid-quantile", 0.6, "test-quantile", 0.8);
        DataSplit one = split(section, 1, TEN);
        DataSplit two = split(section, 99, TEN);
        assertThat(rows(TEN, one.train())).isEqualTo(rows(TEN, two.train()));
        assertThat(rows(TEN, one.valid())).isEqualTo(rows(TEN, two.valid()));
        assertThat(rows(TEN, one.test())).isEqualTo(rows(TEN, two.test()));
    }

    @Test
    void cutOffsAreValidatedWithTheirKeyPaths() {
        assertThat(problems(Map.of("type", "temporal"))).containsExactly(
                "split.test-from: required: give test-from (a time) or test-quantile (a share of the timeline)");
        assertThat(problems(Map.of("type", "temporal", "test-from", "2020-01-01", "test-quantile", 0.9,
                "valid-from", "2019-12-01", "valid-quantile", 0.5))).containsExactlyInAnyOrder(
                "split.test-quantile: give test-from or test-quantile, not both",
                "split.valid-quantile: give valid-from or valid-quantile, not both");
        assertThat(problems(Map.of("type", "temporal", "test-from", "2020-13-01"))).containsExactly(
                "split.test-from: expected epoch seconds or an ISO date such as 2020-01-01 or 2020-01-01T12:00:00Z "
                        + "(was '2020-13-01')");
        assertThat(problems(Map.of("type", "temporal", "test-quantile", 1.5, "valid-quantile", 0))).containsExactlyInAnyOrder(
                "split.test-quantile: must be < 1 (was 1.5)",
                "split.valid-quantile: must be > 0 (was 0)");
        assertThat(problems(Map.of("type", "temporal", "test-from", "2020-01-01", "valid-from", "2020-01-02")))
                .containsExactly("split.valid-from: must be before test-from (was 1577923200 (2020-01-02T00:00:00Z), "
                        + "test-from 1577836800 (2020-01-01T00:00:00Z))");
        assertThat(problems(Map.of("type", "temporal", "test-quantile", 0.8, "valid-quantile", 0.8))).containsExactly(
                "split.valid-quantile: must be below test-quantile (was 0.8, test-quantile 0.8)");
        assertThat(problems(Map.of("type", "temporal", "test-form", 5))).containsExactly(
                "split.test-form: unknown key; did you mean 'test-from'?");
    }

    @Test
    void cutOffsOutsideTheDataAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> split(Map.of("test-from", 1001), 1, TEN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("split.test-from: no interaction is at or after the cut-off 1001 (1970-01-01T00:16:41Z); "
                        + "the data spans 100 (1970-01-01T00:01:40Z) to 1000 (1970-01-01T00:16:40Z)");
        assertThatThrownBy(() -> split(Map.of("valid-from", 100, "test-from", 800), 1, TEN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("split.valid-from: no interaction is before the cut-off 100 (1970-01-01T00:01:40Z) to "
                        + "train on; the data spans 100 (1970-01-01T00:01:40Z) to 1000 (1970-01-01T00:16:40Z)");
        assertThatThrownBy(() -> split(Map.of("valid-from", 900, "test-quantile", 0.5), 1, TEN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("split.valid-from: the validation cut-off 900 (1970-01-01T00:15:00Z) is after the test "
                        + "cut-off 600 (1970-01-01T00:10:00Z)");
    }

    @Test
    void dataWithoutTimestampsIsRefused() {
        Dataset untimed = TinyDatasets.of("untimed", "a x 1", "b y 1");
        assertThatThrownBy(() -> split(Map.of("test-quantile", 0.5), 1, untimed))
                .isInstanceOf(ConfigException.class)
                .hasMessage("split: type 'temporal' needs timestamps, and dataset 'untimed' has none");
    }
}
