package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;

/**
 * What a {@link ClusterAllPairs} engine computes: the top-{@code k} lists of every item over the
 * item columns of the training interactions, already weighted as the measure compares them
 * (rating or 1, centred for pearson and adjusted-cosine, one entry per user and item). Item
 * {@code i}'s users are {@code userIndexes()[offsets()[i] .. offsets()[i+1])}, increasing, with
 * {@code values()} beside them; the arrays are the model's own, to be read and never written.
 * The engine hands back each item's list with {@link #setNeighbours}; an item never set has none.
 */
public final class SparseAllPairsJob {
    private final SparseItemVectors vectors;
    private final NeighbourLists lists;

    SparseAllPairsJob(SparseItemVectors vectors, int k) {
        this.vectors = requireNonNull(vectors, "vectors is null");
        this.lists = new NeighbourLists(vectors.items(), k);
    }

    /**
     * A job over {@code train} as a {@code similarity} section with these parameters would fit it,
     * for an engine's own tests: {@code measure} is a factory name such as {@code cosine}.
     */
    public static SparseAllPairsJob of(Interactions train, String measure, boolean binary, float shrinkage,
                                       int minSupport, int k) {
        return new SparseAllPairsJob(SparseItemVectors.build(train, Measure.fromLabel(measure), binary, shrinkage,
                minSupport), k);
    }

    public int items() {
        return vectors.items();
    }

    public int users() {
        return vectors.users();
    }

    /** Neighbours kept per item. */
    public int k() {
        return lists.k();
    }

    public int[] offsets() {
        return vectors.offsets();
    }

    public int[] userIndexes() {
        return vectors.userIndexes();
    }

    public float[] values() {
        return vectors.values();
    }

    /** The pair formula the tiles score with (serializable, O(items)). */
    public InteractionPairScore pairScore() {
        return vectors.pairScore();
    }

    /**
     * Sets {@code item}'s list from sort keys in increasing order (best first), as
     * {@link NeighbourTile#topK} and {@link NeighbourTile#merge} give them; at most {@link #k()}.
     */
    public void setNeighbours(int item, long[] sortedKeys) {
        if (item < 0 || item >= items() || sortedKeys.length > k()) {
            throw new IllegalArgumentException("item " + item + " with " + sortedKeys.length + " neighbours: outside "
                    + items() + " items x " + k());
        }
        for (int r = 0; r < sortedKeys.length; r++) {
            int j = NeighbourHeaps.keyItem(sortedKeys[r]);
            if (j < 0 || j >= items() || j == item || (r > 0 && sortedKeys[r - 1] >= sortedKeys[r])) {
                throw new IllegalArgumentException("list of item " + item + " is not sorted keys of other items");
            }
        }
        lists.set(item, sortedKeys, sortedKeys.length);
    }

    /** {@code item}'s list as set so far, best first. */
    public ScoredItems neighbours(int item) {
        return lists.top(item, lists.k());
    }

    NeighbourLists lists() {
        return lists;
    }
}
