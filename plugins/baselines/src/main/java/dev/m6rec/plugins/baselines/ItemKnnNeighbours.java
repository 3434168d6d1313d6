package dev.m6rec.plugins.baselines;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;

/**
 * Item-knn's own copy of every item's nearest neighbours, truncated to its {@code neighbours}
 * and flattened into three primitive arrays (compressed rows): item {@code i}'s neighbours are
 * {@code items[offsets[i] .. offsets[i+1])} with similarities {@code similarities[...]}, best
 * first. Fetched once from the similarity model so scoring walks plain arrays instead of calling
 * {@link SimilarityModel#neighbours} per history item, and stored in item-knn's artifact.
 */
final class ItemKnnNeighbours {
    private static final String OFFSETS = "neighbour-offsets.i32";
    private static final String ITEMS = "neighbour-items.i32";
    private static final String SIMILARITIES = "neighbour-similarities.f32";
    private final int[] offsets;
    private final int[] items;
    private final float[] similarities;

    private ItemKnnNeighbours(int[] offsets, int[] items, float[] similarities) {
        this.offsets = offsets;
        this.items = items;
        this.similarities = similarities;
    }

    /**
     * The {@code k} nearest items of each of {@code numItems} items. Zero, NaN and out-of-range
     * entries are dropped: they could not change a score. Items are fetched on the context's
     * threads, each item's row by one chunk, so the lists do not depend on the thread count.
     */
    static ItemKnnNeighbours fetch(SimilarityModel similarity, int numItems, int k, PluginContext context) {
        int[][] itemRows = new int[numItems][];
        float[][] similarityRows = new float[numItems][];
        context.parallelFor(0, numItems, (from, to) -> {
            for (int i = from; i < to; i++) {
                ScoredItems near = similarity.neighbours(i, k);
                int size = Math.min(k, near.size());
                int[] keptItems = new int[size];
                float[] keptSimilarities = new float[size];
                int kept = 0;
                for (int r = 0; r < size; r++) {
                    int item = near.item(r);
                    float s = near.score(r);
                    if (item >= 0 && item < numItems && item != i && s != 0f && !Float.isNaN(s)) {
                        keptItems[kept] = item;
                        keptSimilarities[kept] = s;
                        kept++;
                    }
                }
                itemRows[i] = Arrays.copyOf(keptItems, kept);
                similarityRows[i] = Arrays.copyOf(keptSimilarities, kept);
            }
        });
        int[] offsets = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            offsets[i + 1] = offsets[i] + itemRows[i].length;
        }
        int[] items = new int[offsets[numItems]];
        float[] similarities = new float[offsets[numItems]];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(itemRows[i], 0, items, offsets[i], itemRows[i].length);
            System.arraycopy(similarityRows[i], 0, similarities, offsets[i], similarityRows[i].length);
        }
        return new ItemKnnNeighbours(offsets, items, similarities);
    }

    static ItemKnnNeighbours load(ArtifactReader in, int numItems) {
        int[] offsets = StoredArrays.readInts(in, OFFSETS, numItems + 1L);
        int total = offsets[numItems];
        int[] items = StoredArrays.readInts(in, ITEMS, total);
        float[] similarities = StoredArrays.readFloats(in, SIMILARITIES, total);
        for (int i = 0; i < numItems; i++) {
            if (offsets[i] > offsets[i + 1] || offsets[i] < 0) {
                throw new ArtifactException(in.location() + "/" + OFFSETS + ": offsets decrease at item " + i);
            }
        }
        for (int item : items) {
            if (item < 0 || item >= numItems) {
                throw new ArtifactException(in.location() + "/" + ITEMS + ": item " + item
                        + " outside 0.." + (numItems - 1));
            }
        }
        return new ItemKnnNeighbours(offsets, items, similarities);
    }

    void save(ArtifactWriter out) {
        out.writeInts(OFFSETS, offsets);
        out.writeInts(ITEMS, items);
        out.writeFloats(SIMILARITIES, similarities);
    }

    int start(int item) {
        return offsets[item];
    }

    int end(int item) {
        return offsets[item + 1];
    }

    /** The backing neighbour item array; read-only, shared for speed. */
    int[] items() {
        return items;
    }

    /** The backing similarity array aligned with {@link #items()}; read-only, shared for speed. */
    float[] similarities() {
        return similarities;
    }
}
