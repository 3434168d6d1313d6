package dev.m6rec.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation pass gives: the metrics over every counted user, and the same metrics per
 * user activity group (empty when no groups were asked for).
 */
public record Evaluation(Map<String, Double> metrics, List<GroupMetrics> groups) {
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        groups = List.copyOf(groups);
    }
}
