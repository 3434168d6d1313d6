package dev.m6rec.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportBrowserTest {
    /** Text a dataset or config could carry: it must show as text, not end a script or run. */
    private static final String HOSTILE = "Toy Story </script><script>window.m6recFail('injected')</script> & \"<b>\"";

    @Test
    void hostileTextStaysTextAndEveryKindOfChartRendersWithoutErrors(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        HtmlReport report = new HtmlReport("report of " + HOSTILE);
        report.facts(Map.of("config file", HOSTILE));
        report.table(List.of(List.of("item", "title"), List.of("i1", HOSTILE)));
        report.chart(ChartSpecs.lines(HOSTILE, "K", "value", "metric", List.of(new ChartPoint(HOSTILE, 1, 0.5),
                new ChartPoint(HOSTILE, 5, 0.7), new ChartPoint("ndcg", 1, Double.NaN), new ChartPoint("ndcg", 5, 0.2)),
                new double[] {1, 5}));
        report.chart(ChartSpecs.groupedBars("by group", "group", "value", "metric",
                List.of(new ChartPoint("hr@10", "0", 0.1), new ChartPoint("hr@10", HOSTILE, 0.3))));
        report.chart(ChartSpecs.points("parameter", HOSTILE, true, "ndcg@10", "state",
                List.of(new ChartPoint("complete", "a", 0.1), new ChartPoint("complete", HOSTILE, 0.2))));
        Path page = dir.resolve("report.html");
        report.write(page);

        String dom = HeadlessChromium.dumpDom(page);

        assertThat(HeadlessChromium.assertChartsRenderedWithoutErrors(dom)).isEqualTo(3);
        assertThat(dom).contains("<dd>Toy Story &lt;/script&gt;&lt;script&gt;window.m6recFail('injected')"
                + "&lt;/script&gt; &amp; \"&lt;b&gt;\"</dd>");
        assertThat(dom).doesNotContain("<b>\"");
    }

    @Test
    void chartDataCannotEndItsScriptElement() {
        HtmlReport report = new HtmlReport("t");
        report.chart(ChartSpecs.lines("</script><!--", "x", "y", "s", List.of(new ChartPoint("a&b", 1, 1)),
                new double[0]));
        String html = report.html();
        String json = html.substring(html.indexOf("id=\"m6rec-charts\">"), html.indexOf("</script>",
                html.indexOf("id=\"m6rec-charts\">")));
        assertThat(json).doesNotContain("<").doesNotContain("&").contains("\\u003c/script\\u003e\\u003c!--")
                .contains("a\\u0026b");
    }
}
