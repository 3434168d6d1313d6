package dev.m6rec.core.report;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.run.ExperimentResult;
import dev.m6rec.core.run.ModelOutcome;
import dev.m6rec.core.run.ModelRow;
import dev.m6rec.core.run.ModelTable;
import dev.m6rec.core.run.PopularityExposure;
import dev.m6rec.core.run.Significance;
import dev.m6rec.core.stats.BootstrapInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code report.html} of a run with {@code models:} or k folds: what was run, the data, the table
 * the console prints (significance marks against the first model, bootstrap intervals, corrected
 * p-values, head/tail exposure; or mean ± sd over folds), metric-vs-K charts with a line per model
 * and per-group bar charts. Each model's own report (training curves, samples) is in its folder.
 */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    /** Writes {@code file} into {@code files}, to land when they are committed. */
    public static void stage(StagedFiles files, java.nio.file.Path file, RunIdentity identity,
                             ExperimentResult result) {
        ModelTable table = result.table();
        boolean folds = table.folds() > 1;
        HtmlReport report = new HtmlReport(identity.title());
        ReportSections.identity(report, identity);
        ReportSections.data(report, result.data());
        report.heading(folds ? "Models on test (mean \u00b1 sd over " + table.folds() + " folds)"
                : "Models on test (* = differs from " + table.baseline() + " by both Holm-corrected paired tests at p < "
                + Significance.ALPHA + ", ~ = by one)");
        report.table(metricRows(table, true));
        report.heading(folds ? "Models on valid (mean \u00b1 sd)" : "Models on valid");
        report.table(metricRows(table, false));
        if (!folds) {
            report.heading("Test: 95% bootstrap interval over users");
            report.table(perMetricRows(table, (row, metric) -> {
                BootstrapInterval ci = row.testCi().get(metric);
                return ci == null ? "" : "[" + format(ci.low()) + ", " + format(ci.high()) + "]";
            }));
            report.heading("Test against " + table.baseline()
                    + ": Holm-corrected p of the paired t-test / Wilcoxon signed-rank test");
            report.table(perMetricRows(table, (row, metric) -> {
                Significance s = row.significance().get(metric);
                return s == null ? "" : Significance.formatP(s.tTestHolm()) + " / "
                        + Significance.formatP(s.wilcoxonHolm());
            }));
            exposure(report, table);
        }
        if (!result.outcomes().isEmpty()) {
            report.heading("Metrics against K (test)");
            Map<String, Map<String, Double>> atK = new LinkedHashMap<>();
            Map<String, List<GroupMetrics>> groups = new LinkedHashMap<>();
            for (ModelOutcome outcome : result.outcomes()) {
                atK.put(outcome.name(), outcome.testAtK());
                if (!outcome.groups().isEmpty()) {
                    groups.put(outcome.name(), outcome.groups());
                }
            }
            ReportSections.metricsAtK(report, atK);
            if (!groups.isEmpty()) {
                report.heading("Test metrics by user activity");
                ReportSections.groupCharts(report, groups, table.metrics());
            }
            report.paragraph("Each model's own report (training curves, sample lists) is <model>/report.html: "
                    + String.join(", ", result.outcomes().stream().map(o -> o.name() + "/report.html").toList()) + ".");
        }
        report.stage(files, file);
    }

    private static List<List<String>> metricRows(ModelTable table, boolean test) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model", "type", "fit s", "eval s"));
        header.addAll(table.metrics());
        rows.add(header);
        for (ModelRow row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.name(), row.type(),
                    String.format(Locale.ROOT, "%.1f", row.fitSeconds()),
                    String.format(Locale.ROOT, "%.1f", row.evaluateSeconds())));
            for (String metric : table.metrics()) {
                String text = format((test ? row.test() : row.valid()).get(metric));
                if (table.folds() > 1) {
                    text += " \u00b1 " + format((test ? row.testSd() : row.validSd()).get(metric));
                } else if (test && row.significance().containsKey(metric)) {
                    text += " " + row.significance().get(metric).mark();
                }
                cells.add(text.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> perMetricRows(ModelTable table, BiFunction<ModelRow, String, String> cell) {
        List<String> perUser = table.rows().get(0).testCi().keySet().stream().toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(perUser);
        rows.add(header);
        for (ModelRow row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.name()));
            perUser.forEach(m -> cells.add(cell.apply(row, m)));
            rows.add(cells);
        }
        return rows;
    }

    private static void exposure(HtmlReport report, ModelTable table) {
        List<ModelRow> exposed = table.rows().stream().filter(r -> r.exposure().size() == 2).toList();
        if (exposed.isEmpty()) {
            return;
        }
        PopularityExposure first = exposed.get(0).exposure().get(0);
        report.heading("Test lists at " + first.k() + ": share of slots and recall, head (the " + first.items()
                + " most popular items) and tail");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "head share", "tail share", "head recall", "tail recall"));
        for (ModelRow row : exposed) {
            rows.add(List.of(row.name(), format(row.exposure().get(0).exposure()),
                    format(row.exposure().get(1).exposure()), format(row.exposure().get(0).recall()),
                    format(row.exposure().get(1).recall())));
        }
        report.table(rows);
    }

    private static String format(Double value) {
        return RunReport.format(value);
    }
}
