package dev.m6rec.core.report;

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
 * model reported one. Charts are also written as PNG next to the report.
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
        double[] ks = new double[RunResult.CURVE_KS.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = RunResult.CURVE_KS[i];
        }
        LineChart atK = new LineChart("test metrics against K", "K", "value");
        for (String name : List.of("hr", "recall", "ndcg")) {
            double[] values = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                Double v = result.testAtK().get(name + "@" + RunResult.CURVE_KS[i]);
                values[i] = v == null ? Double.NaN : v;
            }
            atK.series(name, ks, values);
        }
        report.chart(atK.png(720, 360), dir, "metrics-at-k.png");
        if (!result.validationCurve().isEmpty()) {
            report.heading("Training: validation metric per evaluation");
            double[] x = new double[result.validationCurve().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = result.validationCurve().get(i);
            }
            report.chart(new LineChart("validation metric while training", "epoch", "value")
                    .series("validation", x, y).png(720, 360), dir, "training-curve.png");
        }
        report.heading("Timings");
        report.table(List.of(List.of("stage", "seconds"),
                List.of("load + split", seconds(result.trained().loadMillis())),
                List.of("fit", seconds(result.trained().fitMillis())),
                List.of("evaluate", seconds(result.evaluateMillis()))));
        report.stage(files, dir.resolve("report.html"));
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
