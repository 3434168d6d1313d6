package dev.m6rec.plugins.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns the {@code behaviour} extractor can compute; each is 0 for an entity without
 * interactions. {@link BehaviourFactory.Settings} lists the same labels as its allowed values.
 */
enum BehaviourAggregate {
    /** {@code ln(1 + number of training interactions)}. */
    LOG_COUNT,
    /** The entity's mean rating minus the global mean, so "no data" and "average" coincide at 0. */
    RATING_MEAN,
    /** Population standard deviation of the entity's ratings. */
    RATING_STD,
    /** {@code 2^(-days / half-life)}: 1 when active at the end of training, towards 0 when long idle. */
    RECENCY;

    /** The YAML spelling, e.g. {@code log-count}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The column name, e.g. {@code behaviour:log-count}. */
    String column() {
        return BehaviourFactory.NAME + ":" + label();
    }

    static BehaviourAggregate fromLabel(String label) {
        for (BehaviourAggregate aggregate : values()) {
            if (aggregate.label().equals(label)) {
                return aggregate;
            }
        }
        throw new IllegalArgumentException("unknown aggregate '" + label + "'");
    }

    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (BehaviourAggregate aggregate : values()) {
            labels.add(aggregate.label());
        }
        return labels;
    }
}
