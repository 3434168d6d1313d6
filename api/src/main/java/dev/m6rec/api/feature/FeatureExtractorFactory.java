package dev.m6rec.api.feature;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link FeatureExtractor}s; {@code name()} is what {@code features.user[i].type} selects. */
public interface FeatureExtractorFactory<S extends Record> extends ComponentFactory<S, FeatureExtractor> {
}
