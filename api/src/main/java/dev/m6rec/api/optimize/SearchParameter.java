package dev.m6rec.api.optimize;

import java.util.List;
import java.util.Objects;

/**
 * One dimension of a search space, keyed by the config path it sets ({@code interest.hidden[0]}).
 * Numeric kinds use {@code low}/{@code high} (inclusive); {@code choice} uses {@code choices}.
 * A conditional parameter is active only when {@code parentPath} took one of {@code parentValues}.
 *
 * <pre>{@code
 * optimizer.space:
 *   interest.loss.click: { float: [0.0, 1.0] }
 *   similarity.type: { choice: [cosine, jaccard] }
 *   similarity.shrinkage: { float: [0, 100], when: { similarity.type: [cosine] } }
 * }</pre>
 */
public record SearchParameter(String path, ParameterKind kind, double low, double high, List<Object> choices,
                              String parentPath, List<Object> parentValues) {
    public SearchParameter {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(kind, "kind is null");
        choices = List.copyOf(choices);
        parentValues = parentValues == null ? List.of() : List.copyOf(parentValues);
    }

    public static SearchParameter numeric(String path, ParameterKind kind, double low, double high) {
        return new SearchParameter(path, kind, low, high, List.of(), null, List.of());
    }

    public static SearchParameter choice(String path, List<Object> choices) {
        return new SearchParameter(path, ParameterKind.CHOICE, 0, 0, choices, null, List.of());
    }

    /** This parameter, active only when {@code parent} takes one of {@code values}. */
    public SearchParameter when(String parent, List<Object> values) {
        return new SearchParameter(path, kind, low, high, choices, parent, values);
    }

    public boolean isConditional() {
        return parentPath != null;
    }
}
