package dev.m6rec.core.report;

import dev.m6rec.core.tune.StudyResult;
import dev.m6rec.core.tune.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html} of a study: what was run, the untuned baseline and the best trial on
 * validation, the best configuration's test metrics, a convergence chart, the metric against each
 * tuned parameter, and every trial with a column per parameter.
 */
public final class TuneReport {
    private TuneReport() {
    }

    public static void write(Path dir, RunIdentity identity, StudyResult study, double baseline,
                             Map<String, Double> bestTest) {
        HtmlReport report = new HtmlReport(identity.title());
        ReportSections.identity(report, identity);
        report.heading("Result");
        report.table(List.of(List.of("", study.metric() + " (valid)"),
                List.of("untuned config", RunReport.format(baseline)),
                List.of("best trial", study.best().map(b -> RunReport.format(b.value())).orElse("-"))));
        if (!bestTest.isEmpty()) {
            report.heading("Best configuration on test");
            report.table(RunReport.rows(bestTest));
        }
        List<TrialRecord> ordered = new ArrayList<>(study.trials());
        ordered.sort(Comparator.comparingInt(TrialRecord::number));
        Set<String> params = new LinkedHashSet<>();
        ordered.forEach(t -> params.addAll(t.params().keySet()));
        report.heading("Convergence and parameters");
        double[] curve = study.bestSoFar();
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < curve.length; i++) {
            points.add(new ChartPoint("best so far", i + 1, curve[i]));
        }
        report.chart(ChartSpecs.lines("best " + study.metric() + " so far", "trial", study.metric() + " (valid)", "",
                points, new double[0]));
        for (String param : params) {
            parameterChart(report, study.metric(), param, ordered);
        }
        report.heading("Trials");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "state", study.metric(), "seconds"));
        header.addAll(params);
        header.add("error");
        rows.add(header);
        for (TrialRecord t : ordered) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(t.number()),
                    t.state().name().toLowerCase(Locale.ROOT), RunReport.format(t.value()),
                    String.format(Locale.ROOT, "%.1f", t.seconds())));
            params.forEach(p -> row.add(parameter(t.params().get(p))));
            row.add(t.error() == null ? "" : t.error());
            rows.add(row);
        }
        report.table(rows);
        report.write(dir.resolve("report.html"));
    }

    /** The metric of every trial with a value against one parameter: numeric x when every value is a number. */
    private static void parameterChart(HtmlReport report, String metric, String param, List<TrialRecord> trials) {
        List<TrialRecord> measured = trials.stream()
                .filter(t -> t.params().containsKey(param) && Double.isFinite(t.value())).toList();
        if (measured.isEmpty()) {
            return;
        }
        boolean numeric = measured.stream().allMatch(t -> t.params().get(param) instanceof Number);
        List<ChartPoint> points = measured.stream().map(t -> new ChartPoint(t.state().name().toLowerCase(Locale.ROOT),
                numeric ? (Object) t.params().get(param) : parameter(t.params().get(param)), t.value())).toList();
        report.chart(ChartSpecs.points(metric + " against " + param, param, !numeric, metric + " (valid)", "trial",
                points));
    }

    /** A parameter value as people write it: 4 significant digits, not 15. */
    static String parameter(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            String text = String.format(Locale.ROOT, "%.4g", ((Number) value).doubleValue());
            int exponent = text.indexOf('e');
            String mantissa = exponent < 0 ? text : text.substring(0, exponent);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceFirst("0+$", "").replaceFirst("\\.$", "");
            }
            return mantissa + (exponent < 0 ? "" : text.substring(exponent));
        }
        return String.valueOf(value);
    }
}
