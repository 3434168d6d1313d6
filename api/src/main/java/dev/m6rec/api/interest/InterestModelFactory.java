package dev.m6rec.api.interest;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link InterestModel}s; {@code name()} is what {@code interest.type} selects. */
public interface InterestModelFactory<S extends Record> extends ComponentFactory<S, InterestModel> {

    /** Whether the model needs the run's {@code similarity} section (e.g. {@code item-knn}). */
    default boolean requiresSimilarity() {
        return false;
    }

    /**
     * Whether a model configured like this exposes item embeddings ({@link InterestModel#itemEmbeddings()}),
     * which embedding recall and a similarity over {@code source: embeddings} need; core refuses such a
     * config before training when this is false.
     */
    default boolean learnsItemEmbeddings(S settings) {
        return false;
    }
}
