package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code cnn} (Caser) model's parameters as read from YAML (see {@link CaserFactory#schema()}).
 *
 * @param embedding         width of item and user embeddings
 * @param length            L: how many of the user's latest items form the input sequence
 * @param heights           heights (in items) of the horizontal filters
 * @param horizontalFilters horizontal filters per height
 * @param verticalFilters   vertical filters (each spans all L items for one embedding column)
 * @param idDropout         probability of hiding a training row's user id so unknown users score well
 * @param text              the optional text-CNN item encoder
 * @param fused             train with the fused kernel ({@code engine: fused}) rather than DL4J's own fit loop
 * @param training          the shared training parameters
 */
public record CaserSettings(int embedding, int length, int[] heights, int horizontalFilters, int verticalFilters,
                            double idDropout, TextEncoderSettings text, boolean fused, TrainingSettings training) {
    public CaserSettings {
        requireNonNull(heights, "heights is null");
        requireNonNull(text, "text is null");
        requireNonNull(training, "training is null");
        heights = heights.clone();
    }

    public static CaserSettings from(ComponentConfig config) {
        return new CaserSettings(config.getInt("embedding"), config.getInt("length"), config.getIntArray("heights"),
                config.getInt("horizontal-filters"), config.getInt("vertical-filters"), config.getDouble("id-dropout"),
                TextEncoderSettings.from(config), config.getString("engine").equals("fused"),
                TrainingSettings.from(config));
    }

    @Override
    public int[] heights() {
        return heights.clone();
    }
}
