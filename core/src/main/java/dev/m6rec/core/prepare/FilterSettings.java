package dev.m6rec.core.prepare;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The {@code filter:} section: what is removed from the whole dataset after loading and before
 * the split. Applied in the order dedup, rating threshold, k-core (see {@link DatasetFilter}).
 *
 * <pre>{@code
 * filter: { min-user-interactions: 5, min-item-interactions: 5, rating-threshold: 4, dedup: last }
 * }</pre>
 *
 * @param minUserInteractions k-core: users keep at least this many interactions (0 or 1 = off)
 * @param minItemInteractions k-core: items keep at least this many interactions (0 or 1 = off)
 * @param ratingThreshold     rows rated below it are dropped; the others keep their rating as it is
 * @param dedup               what happens to repeated (user, item) pairs
 */
public record FilterSettings(int minUserInteractions, int minItemInteractions, OptionalDouble ratingThreshold,
                             DedupPolicy dedup) {
    public FilterSettings {
        if (minUserInteractions < 0 || minItemInteractions < 0) {
            throw new IllegalArgumentException("minimum interactions must be >= 0");
        }
        Objects.requireNonNull(ratingThreshold, "ratingThreshold is null");
        Objects.requireNonNull(dedup, "dedup is null");
    }

    /** No filtering: the loaded dataset is used as it is. */
    public static FilterSettings none() {
        return new FilterSettings(0, 0, OptionalDouble.empty(), DedupPolicy.NONE);
    }

    /** Whether any filter would remove something (a minimum of 1 holds for every entity with data). */
    public boolean active() {
        return kCore() || ratingThreshold.isPresent() || dedup != DedupPolicy.NONE;
    }

    /** Whether a k-core minimum is set on either side. */
    public boolean kCore() {
        return minUserInteractions > 1 || minItemInteractions > 1;
    }
}
