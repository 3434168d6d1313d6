package dev.m6rec.api.similarity;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;

/**
 * Item-item similarity, used for recall (neighbours of the user's history), "similar items",
 * diversity at re-rank and explanations. Thread-safe after fit/load. Zero vectors have
 * similarity 0, never NaN.
 *
 * <pre>{@code
 * similarity: { type: cosine, source: interactions, neighbours: 50 }
 *
 * ScoredItems near = model.neighbours(item, 10);
 * float s = model.similarity(a, b);
 * }</pre>
 */
public interface SimilarityModel {

    void fit(SimilarityInput input);

    /** Similarity of two items; symmetric measures give the same value both ways. */
    float similarity(int a, int b);

    /** The {@code k} most similar items to {@code item}, itself excluded, best first. */
    ScoredItems neighbours(int item, int k);

    void save(ArtifactWriter out);

    /** Restores fitted state written by {@link #save}; replaces {@code fit}. */
    void load(ArtifactReader in);
}
