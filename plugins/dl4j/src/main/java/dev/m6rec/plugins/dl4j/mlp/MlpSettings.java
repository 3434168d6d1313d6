package dev.m6rec.plugins.dl4j.mlp;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code mlp} model's parameters as read from YAML (see {@link MlpFactory#schema()}).
 *
 * @param embedding   width of the learned user and item id embeddings
 * @param hidden      widths of the MLP tower
 * @param activation  tower activation
 * @param gmf         whether the element-wise product of the embeddings joins the tower output (NeuMF)
 * @param history     whether the pooled embeddings of the user's history items join the user vector (SVD++)
 * @param neighbourhood neighbours per item behind the heads' item-kNN input (0: none)
 * @param clickWeight alpha, weight of the click cross-entropy; 0 leaves the click head out
 * @param ratingWeight beta, weight of the rating squared error; 0 leaves the rating head out
 * @param rankBy      what ranks items
 * @param blendWeight share of the normalised rating in a blended ranking score
 * @param idDropout   probability of hiding a training row's ids so the feature path learns cold start
 * @param fused       train with the fused kernel ({@code engine: fused}) rather than DL4J's own fit loop
 * @param training    the shared training parameters
 */
public record MlpSettings(int embedding, int[] hidden, String activation, boolean gmf, boolean history,
                          int neighbourhood, double clickWeight,
                          double ratingWeight, RankBy rankBy, double blendWeight, double idDropout, boolean fused,
                          TrainingSettings training) {
    public MlpSettings {
        requireNonNull(hidden, "hidden is null");
        requireNonNull(activation, "activation is null");
        requireNonNull(rankBy, "rankBy is null");
        requireNonNull(training, "training is null");
        hidden = hidden.clone();
    }

    public static MlpSettings from(ComponentConfig config) {
        return new MlpSettings(config.getInt("embedding"), config.getIntArray("hidden"),
                config.getString("activation"), config.getBoolean("gmf"), config.getBoolean("history"),
                config.getInt("neighbourhood"), config.getDouble("loss.click"),
                config.getDouble("loss.rating"), RankBy.of(config.getString("rank-by")),
                config.getDouble("blend-weight"), config.getDouble("id-dropout"),
                config.getString("engine").equals("fused"), TrainingSettings.from(config));
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public boolean hasClickHead() {
        return clickWeight > 0;
    }

    public boolean wantsRatingHead() {
        return ratingWeight > 0;
    }

    /** How the model turns its heads into one ranking score. */
    public enum RankBy {
        /** Click probability when the click head is trained, else the predicted rating. */
        AUTO,
        CLICK,
        RATING,
        /** {@code (1 - w) * click + w * rating scaled to [0, 1]}. */
        BLEND;

        static RankBy of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
