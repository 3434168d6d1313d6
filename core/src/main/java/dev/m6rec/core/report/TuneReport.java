package dev.m6rec.core.report;

import dev.m6rec.core.tune.StudyResult;
import dev.m6rec.core.tune.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html} of a study: the untuned baseline and the best trial on validation, the best
 * configuration's test metrics, a convergence chart (best value so far against trial) and a table
 * of every trial.
 */
public final class TuneReport {
    private TuneReport() {
    }

    public static void write(Path dir, String title, StudyResult study, double baseline, Map<String, Double> bestTest) {
        HtmlReport report = new HtmlReport(title);
        report.heading("Result");
        report.table(List.of(List.of("", study.metric() + " (valid)"),
                List.of("untuned config", RunReport.format(baseline)),
                List.of("best trial", study.best().map(b -> RunReport.format(b.value())).orElse("-"))));
        if (!bestTest.isEmpty()) {
            report.heading("Best configuration on test");
            report.table(RunReport.rows(bestTest));
        }
        report.heading("Convergence");
        double[] curve = study.bestSoFar();
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < curve.length; i++) {
            points.add(new ChartPoint("best so far", i + 1, curve[i]));
        }
        report.chart(ChartSpecs.lines("best " + study.metric() + " so far", "trial", study.metric() + " (valid)", "",
                points, new double[0]));
        report.heading("Trials");
        List<TrialRecord> ordered = new ArrayList<>(study.trials());
        ordered.sort(Comparator.comparingInt(TrialRecord::number));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("trial", "state", study.metric(), "seconds", "parameters"));
        for (TrialRecord t : ordered) {
            rows.add(List.of(String.valueOf(t.number()), t.state().name().toLowerCase(java.util.Locale.ROOT),
                    RunReport.format(t.value()), String.format("%.1f", t.seconds()),
                    t.params() + (t.error() == null ? "" : " — " + t.error())));
        }
        report.table(rows);
        report.write(dir.resolve("report.html"));
    }
}
