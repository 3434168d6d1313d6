package dev.m6rec.core.run;

import dev.m6rec.core.pipeline.TrainedRun;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: metrics on valid and test (metric name to mean; NaN when not computable),
 * sample recommendations, the trained pipeline, and timings in milliseconds.
 */
public record RunResult(Map<String, Double> valid, Map<String, Double> test, List<SampleRecommendation> samples,
                        TrainedRun trained, long evaluateMillis) {
    public RunResult {
        valid = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valid));
        test = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(test));
        samples = List.copyOf(samples);
    }
}
