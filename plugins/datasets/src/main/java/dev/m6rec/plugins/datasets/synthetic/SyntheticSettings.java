package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.config.Param;

/**
 * The parameters of the {@code synthetic} dataset; what they shape is described in
 * {@link SyntheticLoaderFactory}.
 *
 * <pre>{@code
 * data: { type: synthetic, users: 5000, items: 2000, sequence-strength: 0 }
 * }</pre>
 */
public record SyntheticSettings(
        @Param(value = "number of users (ids u1..uN)", def = "2000", min = 1, max = 5_000_000) int users,
        @Param(value = "number of items (ids i1..iM)", def = "1000", min = 1, max = 5_000_000) int items,
        @Param(value = "item categories, each with its own tags and title words", def = "12", min = 1, max = 1000)
        int categories,
        @Param(value = "tag vocabulary of each category (items carry 2-4 tags)", def = "6", min = 1, max = 50)
        int tagsPerCategory,
        @Param(value = "mean history length (log-normal; at least the minimum, at most items)", def = "40.0", min = 1,
                max = 100_000) double interactionsPerUser,
        @Param(value = "shortest history", def = "5", min = 1) int minInteractionsPerUser,
        @Param(value = "dimensions of the latent tastes behind within-category choices", def = "8", min = 1, max = 256)
        int latentDims,
        @Param(value = "Zipf exponent of item popularity (0: uniform)", def = "1.0", min = 0, max = 3)
        double popularitySkew,
        @Param(value = "how strongly users concentrate on their favourite categories (0: not at all)", def = "3.0",
                min = 0, max = 10) double tasteFocus,
        @Param(value = "share of category taste explained by age, gender, occupation, country", def = "0.8", min = 0,
                max = 1) double attributeSignal,
        @Param(value = "probability that the next item shares a tag with the recent ones", def = "0.5", min = 0,
                max = 1) double sequenceStrength,
        @Param(value = "standard deviation of the noise added to ratings before rounding to 1-5", def = "0.5", min = 0,
                max = 5) double ratingNoise,
        @Param(value = "epoch seconds before the first interaction", def = "1500000000", min = 0) long startTime) {
}
