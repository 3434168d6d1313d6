package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.SeenItems;
import java.util.random.RandomGenerator;

/**
 * The training rows of one epoch in primitive arrays: every observed interaction (click label
 * 1, its centred rating as the rating target) followed by {@code negatives} sampled unseen items
 * (click label 0, no rating target), shuffled together. Ids are hidden (replaced by the
 * cold-start embedding row) with probability {@code idDropout}, and always for entities without
 * training interactions, so the feature path learns to score new users and items; features
 * always follow the real entity. With history pooling on, half of the rows that hide the user
 * id hide the user's history too: serving meets both a new user with fresh events (no id, a
 * history) and one with neither.
 */
final class MlpExamples {
    final int size;
    /** Embedding rows (the cold row when hidden). */
    final int[] userRows;
    final int[] itemRows;
    /** Real indexes, for the feature lookup. */
    final int[] users;
    final int[] items;
    final float[] clicks;
    final float[] ratings;
    final float[] ratingMask;
    /** Whether the row's user vector leaves the history out (only with history pooling). */
    final boolean[] historyHidden;
    /** Every user's training items: the histories that pooling reads. */
    final SparseRows histories;
    /** The item-kNN score of each row's item for its user (all 0 without the neighbourhood input). */
    final float[] neighbourhood;
    /**
     * The cold-start head's weight of each row: on the first positive row of each user in this
     * epoch's order, the user's count of training interactions, and 0 on every other row. The head
     * learns there from the user's whole history at once (the cross-entropy against the history's
     * item distribution, times its size: the same objective as one row per interaction, at one
     * softmax over the catalogue per user and epoch instead of one per interaction).
     */
    final float[] coldWeight;
    private final int[] coldEpoch;
    private int epoch;
    private final NeighbourScores neighbours;
    private final int[] historyMarks;
    private int mark;
    private final Interactions train;
    private final SeenItems seen;
    private final MlpShape shape;
    private final int negatives;
    private final float ratingMean;
    private final double idDropout;
    private final boolean history;
    private final boolean[] trainedUsers;
    private final boolean[] trainedItems;
    private final int[] order;

    MlpExamples(Interactions train, MlpShape shape, int negatives, float ratingMean, double idDropout,
                boolean history, NeighbourScores neighbours, boolean[] trainedUsers, boolean[] trainedItems) {
        this.neighbours = neighbours;
        this.historyMarks = neighbours == null ? null : new int[shape.numItems()];
        this.train = train;
        this.histories = train.byUser();
        this.history = history;
        this.seen = SeenItems.of(train);
        this.shape = shape;
        this.negatives = shape.clickHead() ? negatives : 0;
        this.ratingMean = ratingMean;
        this.idDropout = idDropout;
        this.trainedUsers = trainedUsers;
        this.trainedItems = trainedItems;
        this.size = Math.multiplyExact(train.size(), 1 + this.negatives);
        this.userRows = new int[size];
        this.itemRows = new int[size];
        this.users = new int[size];
        this.items = new int[size];
        this.clicks = new float[size];
        this.ratings = new float[size];
        this.ratingMask = new float[size];
        this.historyHidden = new boolean[size];
        this.neighbourhood = new float[size];
        this.coldWeight = new float[size];
        this.coldEpoch = new int[shape.numUsers()];
        this.order = new int[train.size()];
    }

    /** Draws this epoch's order, negatives and id dropout; all from {@code rng}. */
    void resample(RandomGenerator rng) {
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        for (int k = order.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        // Positives are shuffled; each one's negatives follow it, so a batch holds whole groups.
        epoch++;
        int row = 0;
        for (int k : order) {
            int user = train.user(k);
            int first = row;
            set(row++, user, train.item(k), 1f, train.rating(k) - ratingMean, 1f, rng);
            if (coldEpoch[user] != epoch) {
                coldEpoch[user] = epoch;
                coldWeight[first] = histories.length(user);
            }
            for (int n = 0; n < negatives; n++) {
                set(row++, user, seen.sampleUnseen(user, rng), 0f, 0f, 0f, rng);
            }
            if (neighbours != null) {
                markHistory(user);
                for (int r = first; r < row; r++) {
                    neighbourhood[r] = neighbours.score(items[r], historyMarks, mark);
                }
            }
        }
    }

    /**
     * Whether the row's item is one of the user's training interactions (a positive), so it is
     * left out of the user's own pooled history.
     */
    boolean observed(int row) {
        return clicks[row] > 0;
    }

    /** The item's own neighbour list never holds it, so a positive's score needs no exclusion. */
    private void markHistory(int user) {
        mark++;
        for (int p = histories.start(user), end = histories.end(user); p < end; p++) {
            historyMarks[histories.column(p)] = mark;
        }
    }

    private void set(int row, int user, int item, float click, float rating, float mask, RandomGenerator rng) {
        boolean hideUser = !trainedUsers[user] || (idDropout > 0 && rng.nextDouble() < idDropout);
        boolean hideItem = !trainedItems[item] || (idDropout > 0 && rng.nextDouble() < idDropout);
        historyHidden[row] = history && hideUser && (!trainedUsers[user] || rng.nextBoolean());
        userRows[row] = hideUser ? shape.coldUser() : user;
        itemRows[row] = hideItem ? shape.coldItem() : item;
        users[row] = user;
        items[row] = item;
        clicks[row] = click;
        ratings[row] = rating;
        ratingMask[row] = mask;
        coldWeight[row] = 0f;
    }
}
