package dev.m6rec.plugins.baselines;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Cosine similarity of items' binary user vectors, computed densely: a reference for tests. */
final class BruteForceCosine implements SimilarityModel {
    final AtomicInteger neighbourCalls = new AtomicInteger();
    private int numItems;
    private float[] similarity;

    static BruteForceCosine fittedOn(SyntheticTastes data) {
        BruteForceCosine model = new BruteForceCosine();
        model.fit(new SimilarityInput(data.split.train(), FeatureMatrix.empty(data.numItems),
                Optional.empty()));
        return model;
    }

    @Override
    public void fit(SimilarityInput input) {
        numItems = input.train().numItems();
        SparseRows byItem = input.train().byItem();
        int numUsers = input.train().numUsers();
        boolean[][] has = new boolean[numItems][numUsers];
        for (int i = 0; i < numItems; i++) {
            for (int k = byItem.start(i); k < byItem.end(i); k++) {
                has[i][byItem.column(k)] = true;
            }
        }
        similarity = new float[numItems * numItems];
        for (int a = 0; a < numItems; a++) {
            for (int b = 0; b < numItems; b++) {
                int both = 0;
                int na = 0;
                int nb = 0;
                for (int u = 0; u < numUsers; u++) {
                    both += has[a][u] && has[b][u] ? 1 : 0;
                    na += has[a][u] ? 1 : 0;
                    nb += has[b][u] ? 1 : 0;
                }
                similarity[a * numItems + b] = na == 0 || nb == 0 ? 0f : (float) (both / Math.sqrt((double) na * nb));
            }
        }
    }

    @Override
    public float similarity(int a, int b) {
        return similarity[a * numItems + b];
    }

    @Override
    public ScoredItems neighbours(int item, int k) {
        neighbourCalls.incrementAndGet();
        float[] row = new float[numItems];
        System.arraycopy(similarity, item * numItems, row, 0, numItems);
        boolean[] self = new boolean[numItems];
        self[item] = true;
        return ScoredItems.topK(row, k, self);
    }

    @Override
    public void save(ArtifactWriter out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load(ArtifactReader in) {
        throw new UnsupportedOperationException();
    }
}
