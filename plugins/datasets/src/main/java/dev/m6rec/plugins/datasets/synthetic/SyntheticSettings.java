package dev.m6rec.plugins.datasets.synthetic;

/**
 * The validated parameters of the {@code synthetic} dataset (see {@link SyntheticLoaderFactory}
 * for their meaning and bounds).
 */
record SyntheticSettings(int users, int items, int categories, int tagsPerCategory, double meanInteractions,
                         int minInteractions, int latentDims, double popularitySkew, double tasteFocus,
                         double attributeSignal, double sequenceStrength, double ratingNoise, long startTime) {
    SyntheticSettings {
        if (users < 1 || items < 1 || categories < 1 || categories > items || tagsPerCategory < 1
                || meanInteractions < 1 || minInteractions < 1 || latentDims < 1) {
            throw new IllegalArgumentException("invalid synthetic settings");
        }
    }
}
