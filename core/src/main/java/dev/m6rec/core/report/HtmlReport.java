package dev.m6rec.core.report;

import dev.m6rec.core.output.StagedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report (tables and PNG charts inlined as data URIs, no scripts, no
 * external resources), built section by section; charts are also written as PNG files beside it,
 * all of them together when the report is written.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final Map<Path, byte[]> charts = new LinkedHashMap<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; the first row is the header. */
    public HtmlReport table(List<List<String>> rows) {
        body.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            body.append("<tr>");
            for (String value : rows.get(r)) {
                body.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** Inlines a chart; it is also written as {@code dir/fileName} with the report. */
    public HtmlReport chart(byte[] png, Path dir, String fileName) {
        charts.put(dir.resolve(fileName), png.clone());
        body.append("<img alt=\"").append(escape(fileName)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        return this;
    }

    public void write(Path file) {
        try (StagedFiles files = new StagedFiles()) {
            stage(files, file);
            files.commit();
        }
    }

    /** Writes the charts and the report into {@code files}, to land when they are committed. */
    public void stage(StagedFiles files, Path file) {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}</style>\n"
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
        charts.forEach((chart, png) -> files.stage(chart, out -> out.write(png)));
        files.stage(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
