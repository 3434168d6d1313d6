package dev.m6rec.core.report;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.run.DataSummary;
import dev.m6rec.core.run.EpochValue;
import dev.m6rec.core.run.RunResult;
import dev.m6rec.core.run.SampleRecommendation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} of a run: what was run, the data before and after filters and the split, the
 * metrics on valid and test, metric-vs-K curves, the test metrics per user activity group, every
 * quantity the model logged per epoch, sample lists with the items' titles, and the timings.
 */
public final class RunReport {
    private RunReport() {
    }

    public static void write(Path dir, RunIdentity identity, RunResult result) {
        try (StagedFiles files = new StagedFiles()) {
            stage(files, dir, identity, result);
            files.commit();
        }
    }

    /** Writes the report into {@code files}, to land when they are committed. */
    public static void stage(StagedFiles files, Path dir, RunIdentity identity, RunResult result) {
        HtmlReport report = new HtmlReport(identity.title());
        ReportSections.identity(report, identity);
        ReportSections.data(report, DataSummary.of(result.trained().beforeFilters(), result.trained().split(), 1));
        report.heading("Metrics");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "valid", "test"));
        for (String metric : result.test().keySet()) {
            rows.add(List.of(metric, format(result.valid().get(metric)), format(result.test().get(metric))));
        }
        report.table(rows);
        report.heading("Metrics against K (test)");
        ReportSections.metricsAtK(report, Map.of("test", result.testAtK()));
        if (!result.testGroups().isEmpty()) {
            report.heading("Test metrics by user activity (training interactions per user)");
            report.table(groupRows(result.testGroups(), result.test().keySet()));
            ReportSections.groupCharts(report, Map.of("test", result.testGroups()), result.test().keySet());
        }
        training(report, result);
        samples(report, result.samples());
        report.heading("Timings");
        report.table(List.of(List.of("stage", "seconds"),
                List.of("load + split", seconds(result.trained().loadMillis())),
                List.of("fit", seconds(result.trained().fitMillis())),
                List.of("evaluate", seconds(result.evaluateMillis()))));
        report.stage(files, dir.resolve("report.html"));
    }

    /**
     * A chart per quantity the model logged per epoch (each on its own scale: a loss, a validation
     * metric and samples/s do not share an axis), or the validation curve alone when the model
     * reported validation values without epoch lines.
     */
    private static void training(HtmlReport report, RunResult result) {
        Map<String, List<ChartPoint>> byQuantity = new LinkedHashMap<>();
        for (EpochValue v : result.trainingLog()) {
            String task = v.task().replaceFirst(" epochs$", "");
            byQuantity.computeIfAbsent(v.quantity(), q -> new ArrayList<>()).add(new ChartPoint(task, v.epoch(),
                    v.value()));
        }
        if (byQuantity.isEmpty() && result.validationCurve().isEmpty()) {
            return;
        }
        report.heading("Training");
        if (byQuantity.isEmpty()) {
            List<ChartPoint> points = new ArrayList<>();
            for (int i = 0; i < result.validationCurve().size(); i++) {
                points.add(new ChartPoint("validation", i + 1, result.validationCurve().get(i)));
            }
            report.chart(ChartSpecs.lines("validation metric while training", "evaluation", "validation metric",
                    "", points, new double[0]));
            return;
        }
        report.paragraph("What the model logged at the end of each epoch.");
        byQuantity.forEach((quantity, points) -> report.chart(ChartSpecs.lines(quantity + " per epoch", "epoch",
                quantity, "logged by", points, new double[0])));
    }

    /** Each sample user's list: rank, item, its title when the dataset has titles, score, held out. */
    private static void samples(HtmlReport report, List<SampleRecommendation> samples) {
        if (samples.isEmpty()) {
            return;
        }
        report.heading("Sample recommendations (test users; \u2713 = held out in test)");
        boolean titled = samples.stream().anyMatch(s -> s.titles().stream().anyMatch(t -> !t.isEmpty()));
        for (SampleRecommendation sample : samples) {
            report.subheading("user " + sample.user() + " (" + sample.historyLength() + " known interactions)");
            List<List<String>> rows = new ArrayList<>();
            rows.add(titled ? List.of("rank", "item", "title", "score", "held out")
                    : List.of("rank", "item", "score", "held out"));
            for (int r = 0; r < sample.items().size(); r++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(r + 1), sample.items().get(r)));
                if (titled) {
                    row.add(sample.titles().get(r));
                }
                row.add(String.format(Locale.ROOT, "%.4f", sample.scores()[r]));
                row.add(sample.heldOut()[r] ? "\u2713" : "");
                rows.add(row);
            }
            report.table(rows, titled ? 3 : 2);
        }
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
