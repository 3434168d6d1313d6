package dev.m6rec.core.run;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.eval.PerUserValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one model of a comparison measured on one split (one fold of a k-fold run).
 *
 * @param name           the model's name in {@code models:}
 * @param type           its interest model type
 * @param valid          validation metrics (NaN when there is no validation part)
 * @param test           test metrics
 * @param fitMillis      time to fit its similarity and interest model (the shared features not included)
 * @param evaluateMillis time to evaluate it on valid and test
 * @param groups         test metrics per user activity group
 * @param perUser        per-user test values
 * @param testAtK        HR, recall and NDCG on test at each of {@link RunResult#CURVE_KS}
 */
public record ModelOutcome(String name, String type, Map<String, Double> valid, Map<String, Double> test,
                           long fitMillis, long evaluateMillis, List<GroupMetrics> groups, PerUserValues perUser,
                           Map<String, Double> testAtK) {
    public ModelOutcome {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        valid = Collections.unmodifiableMap(new LinkedHashMap<>(valid));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        groups = List.copyOf(groups);
        Objects.requireNonNull(perUser, "perUser is null");
        testAtK = Collections.unmodifiableMap(new LinkedHashMap<>(testAtK));
    }

    static ModelOutcome of(String name, String type, RunResult result) {
        return new ModelOutcome(name, type, result.valid(), result.test(),
                result.trained().fitMillis(), result.evaluateMillis(), result.testGroups(), result.testPerUser(),
                result.testAtK());
    }
}
