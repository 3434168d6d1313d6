package dev.m6rec.api.optimize;

import java.util.List;
import java.util.Map;

/**
 * The dimensions a study searches, parents before the parameters that depend on them.
 *
 * <pre>{@code
 * SearchSpace space = new SearchSpace(List.of(
 *     SearchParameter.numeric("interest.epochs", ParameterKind.INT, 5, 40),
 *     SearchParameter.numeric("interest.lr", ParameterKind.LOG_FLOAT, 1e-4, 1e-1)));
 * }</pre>
 */
public record SearchSpace(List<SearchParameter> parameters) {
    public SearchSpace {
        parameters = List.copyOf(parameters);
    }

    /** Whether {@code parameter} is active given the values chosen so far. */
    public boolean isActive(SearchParameter parameter, Map<String, Object> chosen) {
        if (!parameter.isConditional()) {
            return true;
        }
        Object parentValue = chosen.get(parameter.parentPath());
        return parentValue != null && parameter.parentValues().stream()
                .anyMatch(v -> String.valueOf(v).equals(String.valueOf(parentValue)));
    }
}
