package dev.m6rec.plugins.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What item vectors a similarity model compares ({@code similarity.source}). */
enum Source {
    /** Item columns of the training split's user-item matrix. */
    INTERACTIONS,
    /** The encoded item features. */
    FEATURES,
    /** The interest model's item embeddings. */
    EMBEDDINGS,
    /** A weighted blend of the other sources ({@code similarity.sources}). */
    HYBRID;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Source> fromLabel(String label) {
        for (Source s : values()) {
            if (s.label().equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** All labels, in declaration order. */
    static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Source s : values()) {
            out.add(s.label());
        }
        return out;
    }

    /** The labels a hybrid blend may name. */
    static List<String> blendableLabels() {
        return List.of(INTERACTIONS.label(), FEATURES.label(), EMBEDDINGS.label());
    }
}
