package com.example.tags;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Item-item similarity from the tags two items share: each item becomes the set of selected
 * feature columns whose value is above {@code threshold}, and the similarity of two items is the
 * Jaccard index |A ∩ B| / |A ∪ B| of their sets (0 for two empty sets, never NaN). Sets are
 * packed into 64-bit words, so a comparison is a few popcounts. Immutable after fit/load and
 * therefore thread-safe.
 *
 * <pre>{@code
 * model.fit(new SimilarityInput(train, itemFeatures, Optional.empty()));
 * model.similarity(a, b);          // 0.5 when a and b share 1 of 2 distinct genres
 * model.neighbours(a, 10);         // the items sharing most genres with a
 * }</pre>
 */
public final class TagOverlapSimilarity implements SimilarityModel {
    private final ComponentConfig config;
    private int items;
    private int words;
    /** Item i's set occupies words [i * words, (i + 1) * words). */
    private long[] bits;
    private int[] sizes;

    public TagOverlapSimilarity(ComponentConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    public void fit(SimilarityInput input) {
        FeatureMatrix features = input.itemFeatures();
        String prefix = config.getString("column-prefix");
        List<Integer> selected = new ArrayList<>();
        for (int c = 0; c < features.columns(); c++) {
            if (features.columnNames().get(c).startsWith(prefix)) {
                selected.add(c);
            }
        }
        if (selected.isEmpty()) {
            throw config.invalid("column-prefix", "no item feature column starts with '" + prefix + "'; columns: "
                    + features.columnNames());
        }
        float threshold = config.getFloat("threshold");
        int rows = features.rows();
        int width = (selected.size() + 63) / 64;
        long[] packed = new long[rows * width];
        for (int item = 0; item < rows; item++) {
            for (int k = 0; k < selected.size(); k++) {
                if (features.get(item, selected.get(k)) > threshold) {
                    packed[item * width + (k >>> 6)] |= 1L << (k & 63);
                }
            }
        }
        install(rows, width, packed);
    }

    @Override
    public float similarity(int a, int b) {
        requireFitted();
        int shared = 0;
        for (int w = 0; w < words; w++) {
            shared += Long.bitCount(bits[a * words + w] & bits[b * words + w]);
        }
        int union = sizes[a] + sizes[b] - shared;
        if (union == 0 || shared < config.getInt("min-overlap")) {
            return 0f;
        }
        return (float) shared / union;
    }

    /** The {@code k} items most similar to {@code item}; items with similarity 0 are never neighbours. */
    @Override
    public ScoredItems neighbours(int item, int k) {
        requireFitted();
        float[] scores = new float[items];
        for (int other = 0; other < items; other++) {
            float s = other == item ? Float.NaN : similarity(item, other);
            scores[other] = s > 0 ? s : Float.NaN;
        }
        return ScoredItems.topK(scores, k, null);
    }

    @Override
    public void save(ArtifactWriter out) {
        requireFitted();
        out.writeInts("shape.i32", new int[] {items, words});
        out.writeLongs("tag-sets.i64", bits);
    }

    @Override
    public void load(ArtifactReader in) {
        int[] shape = in.readInts("shape.i32");
        long[] packed = in.readLongs("tag-sets.i64");
        if (shape.length != 2 || shape[0] < 0 || shape[1] < 0 || (long) shape[0] * shape[1] != packed.length) {
            throw new ArtifactException(in.location() + ": tag-sets.i64 does not match shape.i32");
        }
        install(shape[0], shape[1], packed);
    }

    private void install(int rows, int width, long[] packed) {
        int[] counts = new int[rows];
        for (int item = 0; item < rows; item++) {
            for (int w = 0; w < width; w++) {
                counts[item] += Long.bitCount(packed[item * width + w]);
            }
        }
        this.items = rows;
        this.words = width;
        this.bits = packed;
        this.sizes = counts;
    }

    private void requireFitted() {
        if (bits == null) {
            throw new IllegalStateException("tag-overlap at " + config.path() + " is used before fit or load");
        }
    }
}
