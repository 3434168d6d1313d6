package dev.m6rec.runtime.cli;

import dev.m6rec.core.run.ModelRow;
import dev.m6rec.core.run.ModelTable;
import dev.m6rec.core.run.PopularityExposure;
import dev.m6rec.core.run.Significance;
import dev.m6rec.core.stats.BootstrapInterval;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * Prints a model comparison: a row per model with fit and evaluation seconds and the metrics on
 * valid and test. On one split the test values carry significance marks against the baseline and
 * are followed by their bootstrap intervals, the corrected p-values and head/tail exposure; over k
 * folds each value is the mean with the standard deviation after "±".
 */
final class ModelTablePrinter {
    private ModelTablePrinter() {
    }

    static void print(PrintStream out, ModelTable table) {
        boolean folds = table.folds() > 1;
        int nameWidth = Math.max(5, table.rows().stream().mapToInt(r -> r.name().length()).max().orElse(5));
        int cell = folds ? 17 : 10;
        for (String part : List.of("test", "valid")) {
            boolean test = part.equals("test");
            if (!test && table.rows().stream().allMatch(r -> r.valid().values().stream().allMatch(v -> v == null || v.isNaN()))) {
                // k-fold without a valid share: a table of dashes would say nothing.
                out.printf("%nvalid: no validation part%n");
                continue;
            }
            out.printf("%n%s%s%n", part, folds ? " (mean ± sd over " + table.folds() + " folds)"
                    : test ? " (* = differs from " + table.baseline() + " by both Holm-corrected paired tests at p < "
                    + Significance.ALPHA + ", ~ = by one)" : "");
            StringBuilder header = new StringBuilder(String.format("%-" + nameWidth + "s  %7s  %7s", "model", "fit s",
                    "eval s"));
            table.metrics().forEach(m -> header.append(String.format("  %" + Math.max(cell, m.length()) + "s", m)));
            out.println(header);
            out.println("-".repeat(header.length()));
            for (ModelRow row : table.rows()) {
                StringBuilder line = new StringBuilder(String.format("%-" + nameWidth + "s  %7.1f  %7.1f", row.name(),
                        row.fitSeconds(), row.evaluateSeconds()));
                for (String metric : table.metrics()) {
                    Double value = (test ? row.test() : row.valid()).get(metric);
                    String text = format(value);
                    if (folds) {
                        text += " ± " + format((test ? row.testSd() : row.validSd()).get(metric));
                    } else if (test && row.significance().containsKey(metric)) {
                        text += row.significance().get(metric).mark();
                    }
                    line.append(String.format("  %" + Math.max(cell, metric.length()) + "s", text));
                }
                out.println(line);
            }
        }
        if (!folds) {
            printDetails(out, table, nameWidth);
        }
    }

    private static void printDetails(PrintStream out, ModelTable table, int nameWidth) {
        out.printf("%ntest, 95%% bootstrap interval over users%n");
        printPerMetric(out, table, nameWidth, 19, row -> metric -> {
            BootstrapInterval ci = row.testCi().get(metric);
            return ci == null ? "" : "[" + format(ci.low()) + ", " + format(ci.high()) + "]";
        });
        out.printf("%ntest against %s: Holm-corrected p of the paired t-test / Wilcoxon signed-rank test%n",
                table.baseline());
        printPerMetric(out, table, nameWidth, 19, row -> metric -> {
            Significance s = row.significance().get(metric);
            return s == null ? "" : Significance.formatP(s.tTestHolm()) + " / "
                    + Significance.formatP(s.wilcoxonHolm());
        });
        if (table.rows().stream().anyMatch(r -> !r.exposure().isEmpty())) {
            PopularityExposure first = table.rows().stream().filter(r -> !r.exposure().isEmpty()).findFirst()
                    .orElseThrow().exposure().get(0);
            out.printf("%ntest lists at %d: share of slots and recall, head (the %d most popular items) and tail%n",
                    first.k(), first.items());
            out.println(String.format("%-" + nameWidth + "s  %10s  %10s  %10s  %10s", "model", "head share",
                    "tail share", "head recall", "tail recall"));
            for (ModelRow row : table.rows()) {
                if (row.exposure().size() == 2) {
                    out.println(String.format("%-" + nameWidth + "s  %10s  %10s  %10s  %10s", row.name(),
                            format(row.exposure().get(0).exposure()), format(row.exposure().get(1).exposure()),
                            format(row.exposure().get(0).recall()), format(row.exposure().get(1).recall())));
                }
            }
        }
    }

    private static void printPerMetric(PrintStream out, ModelTable table, int nameWidth, int cell,
                                       Function<ModelRow, Function<String, String>> text) {
        List<String> perUser = table.rows().get(0).testCi().keySet().stream().toList();
        StringBuilder header = new StringBuilder(String.format("%-" + nameWidth + "s", "model"));
        perUser.forEach(m -> header.append(String.format("  %" + cell + "s", m)));
        out.println(header);
        for (ModelRow row : table.rows()) {
            StringBuilder line = new StringBuilder(String.format("%-" + nameWidth + "s", row.name()));
            perUser.forEach(m -> line.append(String.format("  %" + cell + "s", text.apply(row).apply(m))));
            out.println(line);
        }
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format("%.4f", value);
    }

}
