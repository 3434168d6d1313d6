package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.Interactions;

/**
 * The training ratings' mean (the rating head predicts the offset from it, which keeps its
 * initial error small) and range (to scale predicted ratings into [0, 1] for blending).
 */
record RatingScale(float mean, float min, float max) {

    static RatingScale of(Interactions train) {
        if (!train.hasRatings() || train.size() == 0) {
            return new RatingScale(0f, 0f, 1f);
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int row = 0; row < train.size(); row++) {
            float r = train.rating(row);
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        return new RatingScale((float) (sum / train.size()), min, max > min ? max : min + 1f);
    }

    /** A predicted rating mapped to [0, 1] over the training range. */
    float unit(float rating) {
        return Math.max(0f, Math.min(1f, (rating - min) / (max - min)));
    }
}
