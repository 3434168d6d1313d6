package com.example.tags;

import com.example.tags.TagOverlapSimilarityFactory.Settings;
import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
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
    private final Settings settings;
    private final String path;
    private final FittedState<TagSets> fitted;

    /** Item i's set occupies {@code bits[i * words, (i + 1) * words)} and has {@code sizes[i]} tags. */
    private record TagSets(int items, int words, long[] bits, int[] sizes) {
    }

    public TagOverlapSimilarity(Settings settings, String path) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.path = Objects.requireNonNull(path, "path is null");
        this.fitted = new FittedState<>(path, "tag-overlap");
    }

    @Override
    public void fit(SimilarityInput input) {
        FeatureMatrix features = input.itemFeatures();
        String prefix = settings.columnPrefix();
        List<Integer> selected = new ArrayList<>();
        for (int c = 0; c < features.columns(); c++) {
            if (features.columnNames().get(c).startsWith(prefix)) {
                selected.add(c);
            }
        }
        if (selected.isEmpty()) {
            throw new ConfigException(path + ".column-prefix", "no item feature column starts with '" + prefix
                    + "'; columns: " + features.columnNames());
        }
        int rows = features.rows();
        int width = (selected.size() + 63) / 64;
        long[] packed = new long[rows * width];
        for (int item = 0; item < rows; item++) {
            for (int k = 0; k < selected.size(); k++) {
                if (features.get(item, selected.get(k)) > settings.threshold()) {
                    packed[item * width + (k >>> 6)] |= 1L << (k & 63);
                }
            }
        }
        install(rows, width, packed);
    }

    @Override
    public float similarity(int a, int b) {
        TagSets t = fitted.get();
        int words = t.words();
        int shared = 0;
        for (int w = 0; w < words; w++) {
            shared += Long.bitCount(t.bits()[a * words + w] & t.bits()[b * words + w]);
        }
        int union = t.sizes()[a] + t.sizes()[b] - shared;
        if (union == 0 || shared < settings.minOverlap()) {
            return 0f;
        }
        return (float) shared / union;
    }

    /** The {@code k} items most similar to {@code item}; items with similarity 0 are never neighbours. */
    @Override
    public ScoredItems neighbours(int item, int k) {
        int items = fitted.get().items();
        float[] scores = new float[items];
        for (int other = 0; other < items; other++) {
            float s = other == item ? Float.NaN : similarity(item, other);
            scores[other] = s > 0 ? s : Float.NaN;
        }
        return ScoredItems.topK(scores, k, null);
    }

    @Override
    public void save(ArtifactWriter out) {
        TagSets t = fitted.get();
        out.writeInts("shape.i32", new int[] {t.items(), t.words()});
        out.writeLongs("tag-sets.i64", t.bits());
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
        fitted.set(new TagSets(rows, width, packed, counts));
    }
}
