package dev.m6rec.plugins.similarity;

import java.util.Locale;

/**
 * How two item vectors are compared. Each measure is one factory name ({@code type: cosine}).
 * On interactions the vector of an item holds one value per user who touched it (absent users
 * count as missing); on features and embeddings it is the item's dense row.
 *
 * <ul>
 *   <li>{@code cosine}: a·b / (|a| |b|).</li>
 *   <li>{@code adjusted-cosine}: cosine after centring each user's (dimension's) values on their
 *       mean; on interactions the norms run over the co-rating users only (Sarwar et al. 2001).</li>
 *   <li>{@code pearson}: correlation, i.e. cosine after centring each item's values on the item's
 *       mean; on interactions over the co-rating users only.</li>
 *   <li>{@code jaccard}: |A ∩ B| / |A ∪ B| of the sets of non-zero entries.</li>
 *   <li>{@code euclidean}: 1 / (1 + |a − b|).</li>
 * </ul>
 */
enum Measure {
    COSINE("cosine similarity of item vectors"),
    ADJUSTED_COSINE("cosine after centring each user's (dimension's) values on their mean"),
    PEARSON("Pearson correlation of item vectors (co-rating users on interactions)"),
    JACCARD("Jaccard overlap of the sets of users (or non-zero features) of two items"),
    EUCLIDEAN("1 / (1 + Euclidean distance) between item vectors");

    private final String description;

    Measure(String description) {
        this.description = description;
    }

    /** The factory name, e.g. {@code adjusted-cosine}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String description() {
        return description;
    }

    /** Whether the measure needs the per-pair sums of squares over the co-rating users. */
    boolean usesCommonSquares() {
        return this == ADJUSTED_COSINE || this == PEARSON;
    }

    static Measure fromLabel(String label) {
        for (Measure m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measure " + label);
    }
}
