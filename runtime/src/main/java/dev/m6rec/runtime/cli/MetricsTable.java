package dev.m6rec.runtime.cli;

import java.io.PrintStream;
import java.util.Map;

/** Prints valid and test metrics side by side; a metric that could not be computed shows as "-". */
final class MetricsTable {
    private MetricsTable() {
    }

    static void print(PrintStream out, Map<String, Double> valid, Map<String, Double> test) {
        int width = Math.max(6, test.keySet().stream().mapToInt(String::length).max().orElse(6));
        out.printf("%n%-" + width + "s  %8s  %8s%n", "metric", "valid", "test");
        out.println("-".repeat(width + 20));
        for (String metric : test.keySet()) {
            out.printf("%-" + width + "s  %8s  %8s%n", metric, format(valid.get(metric)), format(test.get(metric)));
        }
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format("%.4f", value);
    }
}
