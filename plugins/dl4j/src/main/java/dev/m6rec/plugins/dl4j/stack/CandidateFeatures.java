package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.interest.UserProfile;
import java.util.Arrays;

/**
 * One user's candidates (the union of every base model's top items, the history left out) and
 * the ranker's input row for each. Per base model a row holds the score standardised over the
 * user's unseen items and 1 / log2(2 + rank) among the candidates; then the item's log training
 * count, the user's log history length, and optionally the user's and the item's features.
 * Standardised scores and ranks, not raw scores, because the ranker is trained on base models
 * fitted to less data than the ones it serves with.
 *
 * @param items      candidate item indexes, ascending
 * @param rows       row-major input rows, one per candidate
 * @param firstModel the first base model's standardised score of every item (orders the rest)
 */
record CandidateFeatures(int[] items, float[] rows, float[] firstModel) {
    static final int PER_MODEL = 2;
    static final int SHARED = 2;

    static int width(int models, int userFeatures, int itemFeatures) {
        return models * PER_MODEL + SHARED + userFeatures + itemFeatures;
    }

    /**
     * @param scores        each base model's scores of every item for this user
     * @param logItemCounts log(1 + training interactions) per item
     * @param itemFeatures  the items' encoded features, or null when features are off
     */
    static CandidateFeatures of(float[][] scores, UserProfile profile, int perModel, float[] logItemCounts,
                                FeatureMatrix itemFeatures) {
        int numItems = logItemCounts.length;
        boolean[] seen = new boolean[numItems];
        for (int item : profile.history()) {
            if (item >= 0 && item < numItems) {
                seen[item] = true;
            }
        }
        boolean[] chosen = new boolean[numItems];
        float[][] standardised = new float[scores.length][];
        for (int m = 0; m < scores.length; m++) {
            standardised[m] = standardise(scores[m], seen);
            TopItems.mark(scores[m], seen, perModel, chosen);
        }
        int count = 0;
        for (boolean c : chosen) {
            count += c ? 1 : 0;
        }
        int[] items = new int[count];
        for (int item = 0, k = 0; item < numItems; item++) {
            if (chosen[item]) {
                items[k++] = item;
            }
        }
        float[] user = itemFeatures == null ? new float[0] : profile.features();
        int itemWidth = itemFeatures == null ? 0 : itemFeatures.columns();
        int width = width(scores.length, user.length, itemWidth);
        float[] rows = new float[count * width];
        for (int m = 0; m < scores.length; m++) {
            float[] reciprocalRanks = reciprocalRanks(scores[m], items);
            for (int k = 0; k < count; k++) {
                rows[k * width + m * PER_MODEL] = standardised[m][items[k]];
                rows[k * width + m * PER_MODEL + 1] = reciprocalRanks[k];
            }
        }
        float logHistory = (float) Math.log1p(profile.history().length);
        int shared = scores.length * PER_MODEL;
        for (int k = 0; k < count; k++) {
            int at = k * width + shared;
            rows[at] = logItemCounts[items[k]];
            rows[at + 1] = logHistory;
            System.arraycopy(user, 0, rows, at + SHARED, user.length);
            if (itemFeatures != null) {
                itemFeatures.copyRow(items[k], rows, at + SHARED + user.length);
            }
        }
        return new CandidateFeatures(items, rows, standardised[0]);
    }

    /** (score - mean) / sd over the unseen items; a constant row standardises to 0. */
    private static float[] standardise(float[] scores, boolean[] seen) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!seen[i]) {
                sum += scores[i];
                squares += (double) scores[i] * scores[i];
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double variance = n == 0 ? 0 : Math.max(0, squares / n - mean * mean);
        double scale = variance > 1e-12 ? 1 / Math.sqrt(variance) : 0;
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (float) ((scores[i] - mean) * scale);
        }
        return out;
    }

    /** 1 / log2(2 + rank) of each candidate by this model's score, rank 0 the best; ties by index. */
    private static float[] reciprocalRanks(float[] scores, int[] items) {
        // Sort primitive keys: the score made order-preserving as an int, descending, then the position.
        long[] keys = new long[items.length];
        for (int k = 0; k < items.length; k++) {
            int bits = Float.floatToIntBits(scores[items[k]]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            long descending = (long) Integer.MAX_VALUE - ascending;
            keys[k] = (descending << 31) | k;
        }
        Arrays.sort(keys);
        float[] out = new float[items.length];
        for (int rank = 0; rank < keys.length; rank++) {
            out[(int) (keys[rank] & 0x7fffffff)] = (float) (1 / (Math.log(2 + rank) / Math.log(2)));
        }
        return out;
    }
}
