package dev.m6rec.api.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One proposed configuration: a study-wide trial number and a value for every active parameter
 * (Double for float kinds, Long for int kinds, the choice itself for {@code choice}).
 */
public record Trial(int number, Map<String, Object> params) {
    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
