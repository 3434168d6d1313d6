package dev.m6rec.plugins.similarity;

import java.util.Locale;

/** What item vectors a similarity model compares ({@code similarity.source}). */
public enum Source {
    /** Item columns of the training split's user-item matrix. */
    INTERACTIONS,
    /** The encoded item features. */
    FEATURES,
    /** The interest model's item embeddings. */
    EMBEDDINGS,
    /** A weighted blend of the other sources ({@code similarity.sources}). */
    HYBRID;

    /** The YAML value, e.g. {@code interactions}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
