package dev.m6rec.core.tune;

import dev.m6rec.api.optimize.TrialResult;
import java.util.List;
import java.util.Map;

/**
 * One finished trial as the journal stores it: number, parameters, how it ended, its value, the
 * intermediate (per-epoch) validation values, its wall time, and the error message when it failed.
 */
public record TrialRecord(int number, Map<String, Object> params, TrialResult.State state, double value,
                          List<Double> intermediate, double seconds, String error) {
    public TrialRecord {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        intermediate = intermediate == null ? List.of() : List.copyOf(intermediate);
    }

    public TrialResult result() {
        return new TrialResult(state, value);
    }
}
