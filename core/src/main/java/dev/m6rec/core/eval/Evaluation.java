package dev.m6rec.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation pass gives: the metrics over every counted user, and the same metrics per
 * user activity group (empty when no groups were asked for), and the per-user values the means are
 * taken over.
 */
public record Evaluation(Map<String, Double> metrics, List<GroupMetrics> groups, PerUserValues perUser) {
    public Evaluation {
        java.util.Objects.requireNonNull(perUser, "perUser is null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        groups = List.copyOf(groups);
    }
}
