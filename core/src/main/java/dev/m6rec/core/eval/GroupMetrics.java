package dev.m6rec.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one user activity group (see {@link ActivityGroups}).
 *
 * @param group   the group's label, such as {@code 1-5}
 * @param users   how many users the group's per-user metrics are a mean over
 * @param metrics metric name to value (NaN when the group has no user)
 */
public record GroupMetrics(String group, int users, Map<String, Double> metrics) {
    public GroupMetrics {
        Objects.requireNonNull(group, "group is null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
