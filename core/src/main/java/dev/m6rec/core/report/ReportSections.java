package dev.m6rec.core.report;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.prepare.DatasetStatistics;
import dev.m6rec.core.run.DataSummary;
import dev.m6rec.core.run.RunResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The sections a run's report and a comparison's report share: identity, data, metrics against K, groups. */
final class ReportSections {
    private ReportSections() {
    }

    static void identity(HtmlReport report, RunIdentity identity) {
        report.heading("Run");
        report.facts(identity.facts());
    }

    /** The dataset before and after filters, and the split's parts. */
    static void data(HtmlReport report, DataSummary data) {
        report.heading("Data");
        report.table(List.of(List.of("dataset", "users", "items", "interactions", "density"),
                statistics("as loaded", data.beforeFilters()), statistics("after filters", data.afterFilters())));
        long total = data.train() + data.valid() + data.test();
        List<List<String>> split = new ArrayList<>();
        split.add(List.of(data.folds() > 1 ? "split (fold 1 of " + data.folds() + ")" : "split", "interactions",
                "share"));
        split.add(List.of("train", count(data.train()), share(data.train(), total)));
        split.add(List.of("valid", count(data.valid()), share(data.valid(), total)));
        split.add(List.of("test", count(data.test()), share(data.test(), total)));
        report.table(split);
    }

    private static List<String> statistics(String label, DatasetStatistics s) {
        return List.of(label + ": " + s.name(), count(s.users()), count(s.items()), count(s.interactions()),
                String.format(Locale.ROOT, "%.4f%%", 100 * s.density()));
    }

    /**
     * HR, recall and NDCG against K: one chart with a line per metric ({@code series} names one
     * result), or, for several results, one chart per metric with a line per result.
     */
    static void metricsAtK(HtmlReport report, Map<String, Map<String, Double>> atKBySeries) {
        double[] ks = new double[RunResult.CURVE_KS.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = RunResult.CURVE_KS[i];
        }
        List<String> names = List.of("hr", "recall", "ndcg");
        if (atKBySeries.size() == 1) {
            Map<String, Double> atK = atKBySeries.values().iterator().next();
            report.chart(ChartSpecs.lines("test metrics against K", "K (list length)", "value on test", "metric",
                    points(names, name -> atK, ""), ks));
            return;
        }
        for (String name : names) {
            List<ChartPoint> points = new ArrayList<>();
            atKBySeries.forEach((series, atK) -> points.addAll(points(List.of(series), s -> atK, name)));
            report.chart(ChartSpecs.lines(name + " on test against K", "K (list length)", name, "model", points, ks));
        }
    }

    /** A point per (series, K); the metric is {@code metric} or, when empty, the series' name. */
    private static List<ChartPoint> points(List<String> series, Function<String, Map<String, Double>> atK,
                                           String metric) {
        List<ChartPoint> points = new ArrayList<>();
        for (String s : series) {
            for (int k : RunResult.CURVE_KS) {
                Double v = atK.apply(s).get((metric.isEmpty() ? s : metric) + "@" + k);
                points.add(new ChartPoint(s, k, v == null ? Double.NaN : v));
            }
        }
        return points;
    }

    /**
     * Bars of the test metrics per user activity group: for one run a chart with a bar per metric;
     * for several models a chart per metric with a bar per model.
     */
    static void groupCharts(HtmlReport report, Map<String, List<GroupMetrics>> groupsBySeries,
                            Collection<String> metrics) {
        if (groupsBySeries.size() == 1) {
            List<ChartPoint> points = new ArrayList<>();
            for (GroupMetrics g : groupsBySeries.values().iterator().next()) {
                metrics.forEach(metric -> points.add(new ChartPoint(metric, g.group() + " (" + g.users() + " users)",
                        value(g.metrics().get(metric)))));
            }
            report.chart(ChartSpecs.groupedBars("test metrics by user activity", "training interactions per user",
                    "value on test", "metric", points));
            return;
        }
        for (String metric : metrics) {
            List<ChartPoint> points = new ArrayList<>();
            groupsBySeries.forEach((series, groups) -> groups.forEach(g ->
                    points.add(new ChartPoint(series, g.group() + " (" + g.users() + " users)",
                            value(g.metrics().get(metric))))));
            if (points.stream().anyMatch(p -> Double.isFinite(p.y()))) {
                report.chart(ChartSpecs.groupedBars(metric + " on test by user activity",
                        "training interactions per user", metric, "model", points));
            }
        }
    }

    static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String share(long part, long total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }
}
