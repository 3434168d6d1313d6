package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;

/**
 * A small dense item-to-item cosine over co-interactions, for tests that need a similarity
 * model in the model inputs without the similarity plugin on the class path.
 */
public final class CoOccurrenceSimilarity implements SimilarityModel {
    private final int numItems;
    private final float[] matrix;

    public CoOccurrenceSimilarity(Interactions train) {
        this.numItems = train.numItems();
        this.matrix = new float[numItems * numItems];
        var byUser = train.byUser();
        float[] counts = new float[numItems];
        for (int u = 0; u < byUser.rows(); u++) {
            for (int p = byUser.start(u); p < byUser.end(u); p++) {
                int a = byUser.column(p);
                counts[a]++;
                for (int q = byUser.start(u); q < byUser.end(u); q++) {
                    int b = byUser.column(q);
                    if (a != b) {
                        matrix[a * numItems + b]++;
                    }
                }
            }
        }
        for (int a = 0; a < numItems; a++) {
            for (int b = 0; b < numItems; b++) {
                float norm = (float) Math.sqrt(counts[a] * counts[b]);
                matrix[a * numItems + b] = norm == 0 ? 0 : matrix[a * numItems + b] / norm;
            }
        }
    }

    @Override
    public void fit(SimilarityInput input) {
        throw new UnsupportedOperationException("built from its constructor");
    }

    @Override
    public float similarity(int a, int b) {
        return matrix[a * numItems + b];
    }

    @Override
    public ScoredItems neighbours(int item, int k) {
        float[] row = java.util.Arrays.copyOfRange(matrix, item * numItems, (item + 1) * numItems);
        boolean[] excluded = new boolean[numItems];
        excluded[item] = true;
        return ScoredItems.topK(row, k, excluded);
    }

    @Override
    public void save(ArtifactWriter out) {
        throw new UnsupportedOperationException("not stored");
    }

    @Override
    public void load(ArtifactReader in) {
        throw new UnsupportedOperationException("not stored");
    }
}
