package dev.m6rec.core.run;

import dev.m6rec.core.eval.GroupMetrics;
import dev.m6rec.core.eval.PerUserValues;
import dev.m6rec.core.pipeline.TrainedRun;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: metrics on valid and test (metric name to mean; NaN when not computable),
 * sample recommendations, the trained pipeline, evaluation time in milliseconds, HR/recall/NDCG
 * on test at each of {@link #CURVE_KS}, the validation values the model reported while
 * training (one per epoch for models with early stopping; empty otherwise), and the test metrics
 * per user activity group ({@code evaluation.groups}; empty when off), the per-user test values
 * the test means are taken over, and the numbers the model logged per epoch (empty for models
 * without epochs).
 */
public record RunResult(Map<String, Double> valid, Map<String, Double> test, List<SampleRecommendation> samples,
                        TrainedRun trained, long evaluateMillis, Map<String, Double> testAtK,
                        List<Double> validationCurve, List<GroupMetrics> testGroups, PerUserValues testPerUser,
                        List<EpochValue> trainingLog) {
    /** The cut-offs of the metric-vs-K curves in the report. */
    public static final int[] CURVE_KS = {1, 5, 10, 20, 50};

    public RunResult {
        testAtK = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(testAtK));
        validationCurve = List.copyOf(validationCurve);
        valid = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valid));
        test = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(test));
        samples = List.copyOf(samples);
        testGroups = List.copyOf(testGroups);
        trainingLog = List.copyOf(trainingLog);
        java.util.Objects.requireNonNull(testPerUser, "testPerUser is null");
    }
}
