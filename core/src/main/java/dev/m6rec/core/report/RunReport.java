package dev.m6rec.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html} of a run: the metrics table (valid and test), the test metrics per user
 * activity group, metric-vs-K curves on test, and the validation curve during training when the
 * model reported one.
 */
public final class RunReport {
    private RunReport() {
    }

    public static void write(Path dir, String title, RunResult result) {
        try (StagedFiles files = new StagedFiles()) {
            stage(files, dir, title, result);
            files.commit();
        }
    }

    /** Writes the report and its charts into {@code files}, to land when they are committed. */
    public static void stage(StagedFiles files, Path dir, String title, RunResult result) {
        HtmlReport report = new HtmlReport(title);
        report.heading("Metrics");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "valid", "test"));
        for (String metric : result.test().keySet()) {
            rows.add(List.of(metric, format(result.valid().get(metric)), format(result.test().get(metric))));
        }
        report.table(rows);
        if (!result.testGroups().isEmpty()) {
            report.heading("Test metrics by user activity (training interactions per user)");
            report.table(groupRows(result.testGroups(), result.test().keySet()));
        }
        report.heading("Metrics against K (test)");
        report.chart(metricsAtK(result));
        if (!result.validationCurve().isEmpty()) {
            report.heading("Training: validation metric per evaluation");
            List<ChartPoint> points = new ArrayList<>();
            for (int i = 0; i < result.validationCurve().size(); i++) {
                points.add(new ChartPoint("validation", i + 1, result.validationCurve().get(i)));
            }
            report.chart(ChartSpecs.lines("validation metric while training", "epoch", "validation metric", "",
                    points, new double[0]));
        }
        report.heading("Timings");
        report.table(List.of(List.of("stage", "seconds"),
                List.of("load + split", seconds(result.trained().loadMillis())),
                List.of("fit", seconds(result.trained().fitMillis())),
                List.of("evaluate", seconds(result.evaluateMillis()))));
        report.stage(files, dir.resolve("report.html"));
    }

    /** HR, recall and NDCG on test against K, ticked at the measured K values. */
    static ObjectNode metricsAtK(RunResult result) {
        double[] ks = new double[RunResult.CURVE_KS.length];
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            ks[i] = RunResult.CURVE_KS[i];
            for (String name : List.of("hr", "recall", "ndcg")) {
                Double v = result.testAtK().get(name + "@" + RunResult.CURVE_KS[i]);
                points.add(new ChartPoint(name, RunResult.CURVE_KS[i], v == null ? Double.NaN : v));
            }
        }
        return ChartSpecs.lines("test metrics against K", "K (list length)", "value on test", "metric", points, ks);
    }

    /** Header {@code training interactions, users, <metric>...}, then one row per group. */
    static List<List<String>> groupRows(List<GroupMetrics> groups, Collection<String> metrics) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("training interactions", "users"));
        header.addAll(metrics);
        rows.add(header);
        for (GroupMetrics group : groups) {
            List<String> row = new ArrayList<>(List.of(group.group(), Integer.toString(group.users())));
            for (String metric : metrics) {
                row.add(format(group.metrics().get(metric)));
            }
            rows.add(row);
        }
        return rows;
    }

    static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format("%.4f", value);
    }

    private static String seconds(long millis) {
        return String.format("%.2f", millis / 1000.0);
    }

    /** Rows of a metrics map, for other reports. */
    static List<List<String>> rows(Map<String, Double> metrics) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "value"));
        metrics.forEach((k, v) -> rows.add(List.of(k, format(v))));
        return rows;
    }
}
