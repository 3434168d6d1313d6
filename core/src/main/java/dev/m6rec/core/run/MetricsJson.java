package dev.m6rec.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.output.StagedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code metrics.json} as {@code {"test": {"ndcg@10": ...}, "valid": {...}, "groups": {...}}},
 * where {@code groups} holds the test metrics per user activity group, in group order:
 * {@code "1-5": {"users": 120, "metrics": {"ndcg@10": ...}}}. A metric that could not be computed
 * (no validation split, no rating head, no user in a group) is written as null, never as a
 * made-up number.
 */
public final class MetricsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    public static void write(Path file, Map<String, Double> valid, Map<String, Double> test, List<GroupMetrics> groups) {
        try (StagedFiles files = new StagedFiles()) {
            stage(files, file, valid, test, groups);
            files.commit();
        }
    }

    /** Writes {@code metrics.json} into {@code files}, to land when they are committed. */
    public static void stage(StagedFiles files, Path file, Map<String, Double> valid, Map<String, Double> test,
                             List<GroupMetrics> groups) {
        ObjectNode root = MAPPER.createObjectNode();
        put(root.putObject("test"), test);
        put(root.putObject("valid"), valid);
        ObjectNode byGroup = root.putObject("groups");
        for (GroupMetrics group : groups) {
            ObjectNode node = byGroup.putObject(group.group());
            node.put("users", group.users());
            put(node.putObject("metrics"), group.metrics());
        }
        files.stage(file, out -> MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root));
    }

    private static void put(ObjectNode node, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value == null || value.isNaN() || value.isInfinite()) {
                node.putNull(name);
            } else {
                node.put(name, value);
            }
        });
    }
}
