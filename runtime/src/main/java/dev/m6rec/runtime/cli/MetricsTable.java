package dev.m6rec.runtime.cli;

import dev.m6rec.core.eval.GroupMetrics;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Prints valid and test metrics side by side, and the test metrics per user activity group; a
 * metric that could not be computed shows as "-".
 */
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

    /**
     * Prints the test metrics per user activity group, one row per group and one column per
     * metric, under a blank line; prints nothing when there are no groups.
     */
    static void printGroups(PrintStream out, List<GroupMetrics> groups, Collection<String> metrics) {
        if (groups.isEmpty()) {
            return;
        }
        int width = Math.max(8, groups.stream().mapToInt(g -> g.group().length()).max().orElse(8));
        out.printf("%ntest by training interactions per user%n");
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s  %6s", "group", "users"));
        metrics.forEach(m -> header.append(String.format("  %" + Math.max(8, m.length()) + "s", m)));
        out.println(header);
        out.println("-".repeat(header.length()));
        for (GroupMetrics group : groups) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s  %6d", group.group(), group.users()));
            metrics.forEach(m -> row.append(String.format("  %" + Math.max(8, m.length()) + "s",
                    format(group.metrics().get(m)))));
            out.println(row);
        }
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format("%.4f", value);
    }
}
