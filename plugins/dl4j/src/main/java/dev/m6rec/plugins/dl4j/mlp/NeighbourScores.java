package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;

/**
 * The {@code mlp}'s neighbourhood input: each item's nearest items by the run's similarity model,
 * fetched once at fit and stored with the model (a load scores exactly as the fit did), and the
 * item-kNN score of an item for a user, {@code sum(s(i, j) for j in neighbours(i) ∩ H(u))}. The
 * heads take it beside the tower and the embeddings' product, so the network learns how far to
 * trust item-to-item evidence against its latent factors, user by user.
 */
final class NeighbourScores {
    private static final String OFFSETS = "mlp-neighbour-offsets.i32";
    private static final String ITEMS = "mlp-neighbour-items.i32";
    private static final String SIMILARITIES = "mlp-neighbour-similarities.f32";

    private final int[] offsets;
    private final int[] items;
    private final float[] similarities;

    private NeighbourScores(int[] offsets, int[] items, float[] similarities) {
        this.offsets = offsets;
        this.items = items;
        this.similarities = similarities;
    }

    /** The {@code k} nearest items of every item; the item itself, zeros and NaNs are left out. */
    static NeighbourScores fetch(SimilarityModel similarity, int numItems, int k) {
        int[] offsets = new int[numItems + 1];
        int[] items = new int[numItems * k];
        float[] similarities = new float[numItems * k];
        int size = 0;
        for (int i = 0; i < numItems; i++) {
            ScoredItems near = similarity.neighbours(i, k);
            for (int r = 0, n = Math.min(k, near.size()); r < n; r++) {
                int item = near.item(r);
                float s = near.score(r);
                if (item >= 0 && item < numItems && item != i && s != 0f && !Float.isNaN(s)) {
                    items[size] = item;
                    similarities[size] = s;
                    size++;
                }
            }
            offsets[i + 1] = size;
        }
        return new NeighbourScores(offsets, Arrays.copyOf(items, size), Arrays.copyOf(similarities, size));
    }

    /**
     * The kNN score of {@code item} for the user whose history items carry {@code marks[j] == mark}
     * (a stamp array, so marking a user costs their history, not the catalogue).
     */
    float score(int item, int[] marks, int mark) {
        float sum = 0f;
        for (int p = offsets[item], end = offsets[item + 1]; p < end; p++) {
            if (marks[items[p]] == mark) {
                sum += similarities[p];
            }
        }
        return sum;
    }

    /**
     * Each of {@code items}' kNN score against {@code history} (for one scoring call; thread-safe).
     * The history is marked in a bit set (12.5 KB for 100,000 items, where an int per item takes
     * 400 KB): a candidate's neighbours are looked up at random, and the set stays in cache.
     */
    float[] scores(int[] history, int[] items) {
        int numItems = offsets.length - 1;
        long[] marks = new long[(numItems + 63) >>> 6];
        for (int item : history) {
            if (item >= 0 && item < numItems) {
                marks[item >>> 6] |= 1L << item;
            }
        }
        float[] scores = new float[items.length];
        for (int k = 0; k < items.length; k++) {
            float sum = 0f;
            for (int p = offsets[items[k]], end = offsets[items[k] + 1]; p < end; p++) {
                int near = this.items[p];
                if ((marks[near >>> 6] & (1L << near)) != 0) {
                    sum += similarities[p];
                }
            }
            scores[k] = sum;
        }
        return scores;
    }

    void write(ArtifactWriter out) {
        out.writeInts(OFFSETS, offsets);
        out.writeInts(ITEMS, items);
        out.writeFloats(SIMILARITIES, similarities);
    }

    static NeighbourScores read(ArtifactReader in, int numItems) {
        int[] offsets = in.readInts(OFFSETS);
        String where = in.location() + "/";
        if (offsets.length != numItems + 1 || offsets[0] != 0) {
            throw new ArtifactException(where + OFFSETS + ": " + offsets.length + " offsets, expected "
                    + (numItems + 1) + " starting at 0");
        }
        for (int i = 0; i < numItems; i++) {
            if (offsets[i] > offsets[i + 1]) {
                throw new ArtifactException(where + OFFSETS + ": offsets decrease at item " + i);
            }
        }
        int[] items = in.readInts(ITEMS);
        float[] similarities = in.readFiniteFloats(SIMILARITIES);
        if (items.length != offsets[numItems] || similarities.length != items.length) {
            throw new ArtifactException(where + ITEMS + ": " + items.length + " neighbours and "
                    + similarities.length + " similarities, the offsets say " + offsets[numItems]);
        }
        for (int item : items) {
            if (item < 0 || item >= numItems) {
                throw new ArtifactException(where + ITEMS + ": item " + item + " outside 0.." + (numItems - 1));
            }
        }
        return new NeighbourScores(offsets, items, similarities);
    }
}
