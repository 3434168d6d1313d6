package dev.m6rec.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.core.stats.BootstrapInterval;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a comparison's {@code metrics.json}: {@code {"baseline": "popularity", "folds": 1,
 * "metrics": [...], "models": [{"name", "type", "fit-seconds", "evaluate-seconds", "valid", "test",
 * "test-ci95", "significance", "groups", "exposure"}, ...]}}; over k folds each model has
 * {@code valid-sd} and {@code test-sd} instead of intervals and tests. A value that could not be
 * computed is null, never a made-up number.
 */
final class ModelTableJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelTableJson() {
    }

    static void stage(StagedFiles files, Path file, ModelTable table) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("baseline", table.baseline());
        root.put("folds", table.folds());
        table.metrics().forEach(root.putArray("metrics")::add);
        if (table.folds() == 1) {
            ObjectNode tests = root.putObject("significance");
            tests.put("against", "baseline (the first model)");
            tests.put("tests", "paired t-test; Wilcoxon signed-rank, normal approximation, zero differences dropped");
            tests.put("correction", "Holm, per metric over the models");
            tests.put("alpha", Significance.ALPHA);
            tests.put("marks", "* both corrected tests below alpha, ~ one of them");
        }
        var models = root.putArray("models");
        for (ModelRow row : table.rows()) {
            ObjectNode node = models.addObject();
            node.put("name", row.name());
            node.put("type", row.type());
            number(node, "fit-seconds", row.fitSeconds());
            number(node, "evaluate-seconds", row.evaluateSeconds());
            put(node.putObject("valid"), row.valid());
            put(node.putObject("test"), row.test());
            if (table.folds() > 1) {
                put(node.putObject("valid-sd"), row.validSd());
                put(node.putObject("test-sd"), row.testSd());
                continue;
            }
            ObjectNode ci = node.putObject("test-ci95");
            row.testCi().forEach((metric, interval) -> interval(ci, metric, interval));
            ObjectNode significance = node.putObject("significance");
            row.significance().forEach((metric, s) -> {
                ObjectNode test = significance.putObject(metric);
                number(test, "t", s.tTest().statistic());
                number(test, "t-p", s.tTest().p());
                number(test, "t-p-holm", s.tTestHolm());
                number(test, "wilcoxon", s.wilcoxon().statistic());
                number(test, "wilcoxon-p", s.wilcoxon().p());
                number(test, "wilcoxon-p-holm", s.wilcoxonHolm());
                test.put("users", s.tTest().n());
                test.put("mark", s.mark());
            });
            ObjectNode groups = node.putObject("groups");
            for (GroupMetrics group : row.groups()) {
                ObjectNode g = groups.putObject(group.group());
                g.put("users", group.users());
                put(g.putObject("metrics"), group.metrics());
            }
            ObjectNode exposure = node.putObject("exposure");
            for (PopularityExposure bucket : row.exposure()) {
                ObjectNode b = exposure.putObject(bucket.bucket());
                b.put("items", bucket.items());
                b.put("k", bucket.k());
                number(b, "exposure", bucket.exposure());
                number(b, "recall", bucket.recall());
            }
        }
        files.stage(file, out -> MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root));
    }

    private static void interval(ObjectNode node, String metric, BootstrapInterval interval) {
        if (Double.isNaN(interval.low())) {
            node.putNull(metric);
        } else {
            node.putArray(metric).add(interval.low()).add(interval.high());
        }
    }

    private static void put(ObjectNode node, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> number(node, name, value == null ? Double.NaN : value));
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
