package dev.m6rec.api.interest;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link InterestModel}s; {@code name()} is what {@code interest.type} selects. */
public interface InterestModelFactory extends ComponentFactory<InterestModel> {

    /** Whether the model needs the run's {@code similarity} section (e.g. {@code item-knn}). */
    default boolean requiresSimilarity() {
        return false;
    }
}
