package dev.m6rec.plugins.dl4j.mlp;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.interest.UserProfile;

/**
 * Turns the {@code mlp} heads into ranking scores and rating predictions. Users and items
 * without training interactions go through the cold-start embedding row, so their score rests
 * on their features; with the cold-start head, a user without training interactions and without
 * a known item in the history is ranked by that head instead (the log-probability that a user with
 * those attributes picks the item; the head is only trained when the ranking score is the click
 * probability). Thread-safe.
 */
final class MlpScorer {
    /** Candidates per forward pass: bounds the buffers when a caller scores a huge list. */
    private static final int CHUNK = 4096;
    private final MlpForward forward;
    private final NeighbourScores neighbours;
    private final MlpShape shape;
    private final boolean[] trainedUsers;
    private final RatingScale scale;
    private final MlpSettings.RankBy rankBy;
    private final float blendWeight;
    private final int heads;
    private final int clickColumn;
    private final int ratingColumn;

    /** {@code neighbours} is null when the network takes no neighbourhood input. */
    MlpScorer(MlpForward forward, NeighbourScores neighbours, MlpShape shape, MlpParameters parameters,
              boolean[] trainedUsers, RatingScale scale, MlpSettings.RankBy rankBy, double blendWeight) {
        this.forward = requireNonNull(forward, "forward is null");
        this.neighbours = neighbours;
        this.shape = requireNonNull(shape, "shape is null");
        this.trainedUsers = requireNonNull(trainedUsers, "trainedUsers is null");
        this.scale = requireNonNull(scale, "scale is null");
        this.rankBy = rankBy == MlpSettings.RankBy.AUTO
                ? (shape.clickHead() ? MlpSettings.RankBy.CLICK : MlpSettings.RankBy.RATING) : rankBy;
        this.blendWeight = (float) blendWeight;
        this.heads = parameters.heads;
        this.clickColumn = parameters.clickColumn();
        this.ratingColumn = parameters.ratingColumn();
    }

    void score(UserProfile user, int[] items, float[] out) {
        run(user, items, out, false);
    }

    void predictRatings(UserProfile user, int[] items, float[] out) {
        if (!shape.ratingHead()) {
            throw new IllegalStateException("this model has no rating head");
        }
        run(user, items, out, true);
    }

    private void run(UserProfile user, int[] items, float[] out, boolean ratings) {
        if (items.length != out.length) {
            throw new IllegalArgumentException("items and out differ in length");
        }
        if (user.features().length != shape.userFeatures()) {
            throw new IllegalArgumentException("user features have " + user.features().length
                    + " columns, the model was trained with " + shape.userFeatures());
        }
        for (int item : items) {
            if (item < 0 || item >= shape.numItems()) {
                throw new IllegalArgumentException("item index " + item + " outside 0.." + (shape.numItems() - 1));
            }
        }
        int userRow = user.index() >= 0 && user.index() < shape.numUsers() && trainedUsers[user.index()]
                ? user.index() : shape.coldUser();
        if (!ratings && shape.coldHead() && userRow == shape.coldUser() && !forward.knowsAny(user.history())) {
            forward.coldLogProbabilities(user.features(), items, out);   // known by attributes alone
            return;
        }
        float[] userVector = forward.userVector(userRow, user.history());
        float[] neighbourhood = neighbours == null ? null : neighbours.scores(user.history(), items);
        for (int start = 0; start < items.length; start += CHUNK) {
            int n = Math.min(CHUNK, items.length - start);
            float[] head = forward.heads(userVector, user.features(), neighbourhood, items, start, n);
            for (int k = 0; k < n; k++) {
                float predicted = ratingColumn < 0 ? Float.NaN : head[k * heads + ratingColumn] + scale.mean();
                float click = clickColumn < 0 ? Float.NaN : TowerActivation.sigmoid(head[k * heads + clickColumn]);
                out[start + k] = ratings ? predicted : switch (rankBy) {
                    case CLICK -> click;
                    case RATING -> predicted;
                    case BLEND -> (1 - blendWeight) * click + blendWeight * scale.unit(predicted);
                    case AUTO -> throw new IllegalStateException("AUTO is resolved in the constructor");
                };
            }
        }
    }
}
