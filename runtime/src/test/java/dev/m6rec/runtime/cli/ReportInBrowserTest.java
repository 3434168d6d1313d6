package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a small seeded comparison run and a small study, opened in headless Chromium:
 * no script errors, every chart rendered, and the run's identity, the dataset statistics, the
 * training curves and the sample titles on the page. A screenshot of a model's report lands in
 * {@code target/report-screenshots/} for a reader to look at (one only: each browser start costs seconds).
 */
class ReportInBrowserTest {
    private static final String CONFIG = """
            seed: 11
            data: { type: movielens, path: ml }
            filter: { min-user-interactions: 20 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            similarity: { type: cosine, source: interactions }
            models:
              - { name: pop, interest: { type: popularity } }
              - { name: bpr, interest: { type: bpr, epochs: 4 } }
            evaluation: { metrics: [hr@10, ndcg@10, recall@10] }
            output: { samples: 2, k: 5 }
            """;
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path dir;
    private static CliRunner run;

    @BeforeAll
    static void runComparison() throws Exception {
        HeadlessChromium.assumeInstalled();
        MovieLensFixture.write(dir.resolve("ml"), 300, 150, 5);
        Files.writeString(dir.resolve("compare.yaml"), CONFIG);
        run = CliRunner.run("run", dir.resolve("compare.yaml").toString(), "--set", "output.dir=" + dir.resolve("out"),
                "--set", "evaluation.groups=[0, 10]");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void aModelsReportShowsIdentityDataTrainingCurvesAndSampleTitles() throws Exception {
        Path page = dir.resolve("out/bpr/report.html");
        String dom = HeadlessChromium.dumpDom(page);
        HeadlessChromium.screenshot(page, SCREENSHOTS.resolve("run-bpr.png"), 4200);

        // metrics against K, the groups' bars, bpr loss per epoch
        assertThat(HeadlessChromium.assertChartsRenderedWithoutErrors(dom)).isEqualTo(3);
        assertThat(dom).contains("compare.yaml").contains("evaluation.groups=[0, 10]").contains("<dd>11</dd>")
                .contains("interest bpr, similarity cosine").contains("M6-Rec version").contains("movielens (ml)");
        // the fixture's 300 users hold 15 to 39 interactions: the filter removes some
        assertThat(dom).contains("<td>as loaded: ml</td><td>300</td><td>150</td>").contains("<td>train</td>");
        Matcher filtered = Pattern.compile("<td>after filters: ml</td><td>(\\d+)</td>").matcher(dom);
        assertThat(filtered.find()).isTrue();
        assertThat(Integer.parseInt(filtered.group(1))).isBetween(1, 299);
        assertThat(dom).contains("bpr loss per epoch");
        // u.item's titles ("Film 12 (1992)") beside the sample lists' item ids
        Matcher title = Pattern.compile("<td>\\d+</td><td class=\"text\">(\\d+)</td><td class=\"text\">Film (\\d+) \\(199\\d\\)</td>")
                .matcher(dom);
        assertThat(title.find()).as("a sample row with its title").isTrue();
        assertThat(title.group(2)).isEqualTo(title.group(1));
    }

    @Test
    void theComparisonReportShowsTheTableWithIntervalsAndAChartPerMetric() throws Exception {
        Path page = dir.resolve("out/report.html");
        String dom = HeadlessChromium.dumpDom(page);

        // hr, recall and ndcg against K with a line per model, three group charts
        assertThat(HeadlessChromium.assertChartsRenderedWithoutErrors(dom)).isEqualTo(6);
        assertThat(dom).contains("pop (popularity), bpr (bpr)").contains("Holm-corrected")
                .contains("95% bootstrap interval").contains("as loaded: ");
    }

    @Test
    void aStudysReportHasAColumnPerParameterAndAChartPerParameter() throws Exception {
        CliRunner tune = CliRunner.run("tune", "../examples/quickstart-tune.yaml", "--set", "data.users=300",
                "--set", "data.items=150", "--set", "optimizer.trials=4", "--set", "optimizer.startup-trials=4",
                "--set", "output.dir=" + dir.resolve("study"));
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        Path page = dir.resolve("study/report.html");
        String dom = HeadlessChromium.dumpDom(page);

        // convergence, then one per tuned parameter (five)
        assertThat(HeadlessChromium.assertChartsRenderedWithoutErrors(dom)).isEqualTo(6);
        assertThat(dom).contains("<th>similarity.neighbours</th>").contains("<th>interest.recency-half-life</th>")
                .contains("ndcg@10 against similarity.type");
    }
}
