package dev.m6rec.core.run;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.stats.BootstrapInterval;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a model comparison. On one split the metrics are that split's, with bootstrap
 * intervals and tests against the baseline; over k folds they are the mean over the folds, with
 * the standard deviation, and no intervals or tests (the folds' users overlap).
 *
 * @param fitSeconds      time to fit (mean over folds)
 * @param evaluateSeconds time to evaluate on valid and test (mean over folds)
 * @param validSd         sample standard deviation over folds (empty on one split)
 * @param testSd          as {@code validSd}, for test
 * @param testCi          95% bootstrap interval over users of each per-user test metric (empty over folds)
 * @param significance    against the baseline, per per-user metric (empty for the baseline and over folds)
 * @param groups          test metrics per user activity group (empty over folds)
 * @param exposure        test lists' head and tail shares (empty over folds or when off)
 */
public record ModelRow(String name, String type, double fitSeconds, double evaluateSeconds,
                       Map<String, Double> valid, Map<String, Double> test,
                       Map<String, Double> validSd, Map<String, Double> testSd,
                       Map<String, BootstrapInterval> testCi, Map<String, Significance> significance,
                       List<GroupMetrics> groups, List<PopularityExposure> exposure) {
    public ModelRow {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        valid = copy(valid);
        test = copy(test);
        validSd = copy(validSd);
        testSd = copy(testSd);
        testCi = copy(testCi);
        significance = copy(significance);
        groups = List.copyOf(groups);
        exposure = List.copyOf(exposure);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
