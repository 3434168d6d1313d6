package dev.m6rec.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.core.output.StagedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report built section by section: tables, facts and Vega-Lite charts
 * ({@link ChartSpecs}), with vega, vega-lite and vega-embed inlined so that the page opens offline.
 * Text is escaped for HTML; the chart specs travel as JSON in a non-executed script element with
 * {@code <}, {@code >} and {@code &} escaped, so no title (not even one holding {@code </script>})
 * can end the element or run. Script errors and failed charts are listed at the top of the page.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final ObjectNode charts = JSON.createObjectNode();
    private boolean inChartRow;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        closeChartRow();
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport subheading(String text) {
        closeChartRow();
        body.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        closeChartRow();
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Name-value pairs, e.g. the run's identity. */
    public HtmlReport facts(Map<String, String> facts) {
        closeChartRow();
        body.append("<dl class=\"facts\">\n");
        facts.forEach((name, value) -> body.append("<dt>").append(escape(name)).append("</dt><dd>")
                .append(escape(value)).append("</dd>\n"));
        body.append("</dl>\n");
        return this;
    }

    /** A table; the first row is the header. Cells are right-aligned (numbers) except the first. */
    public HtmlReport table(List<List<String>> rows) {
        return table(rows, Integer.MAX_VALUE);
    }

    /** As {@link #table(List)}, with the columns from {@code firstNumeric} on right-aligned and the others left. */
    public HtmlReport table(List<List<String>> rows, int firstNumeric) {
        closeChartRow();
        body.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            body.append("<tr>");
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                body.append('<').append(cell);
                if (c > 0 && c < firstNumeric && firstNumeric != Integer.MAX_VALUE) {
                    body.append(" class=\"text\"");
                }
                body.append('>').append(escape(row.get(c))).append("</").append(cell).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A chart; consecutive charts sit side by side as the page's width allows. */
    public HtmlReport chart(ObjectNode spec) {
        if (!inChartRow) {
            body.append("<div class=\"charts\">\n");
            inChartRow = true;
        }
        String id = "chart-" + (charts.size() + 1);
        charts.set(id, spec);
        body.append("<div class=\"chart\" id=\"").append(id).append("\"></div>\n");
        return this;
    }

    public void write(Path file) {
        try (StagedFiles files = new StagedFiles()) {
            stage(files, file);
            files.commit();
        }
    }

    /** Writes the report into {@code files}, to land when they are committed. */
    public void stage(StagedFiles files, Path file) {
        String html = html();
        files.stage(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    String html() {
        closeChartRow();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>\n" + ChartLibraries.resource("report.css") + "</style>\n"
                + "<script>\n" + ChartLibraries.resource("report-errors.js") + "</script>\n"
                + ChartLibraries.scripts()
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n"
                + "<ul id=\"m6rec-errors\" hidden></ul>\n"
                + body
                + "<script type=\"application/json\" id=\"m6rec-charts\">" + scriptSafeJson(charts) + "</script>\n"
                + "<script>\n" + ChartLibraries.resource("report-charts.js") + "</script>\n"
                + "</body></html>\n";
    }

    private void closeChartRow() {
        if (inChartRow) {
            body.append("</div>\n");
            inChartRow = false;
        }
    }

    /**
     * JSON that cannot end its script element: {@code <}, {@code >} and {@code &} occur in JSON only
     * inside strings, where their {@code \}{@code u} escapes mean the same characters.
     */
    static String scriptSafeJson(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
