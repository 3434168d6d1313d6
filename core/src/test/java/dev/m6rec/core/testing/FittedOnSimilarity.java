package dev.m6rec.core.testing;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;

/**
 * A similarity model for tests that asks which data a model was fitted on: it remembers how many
 * training interactions its fit saw, and knows no neighbours.
 */
public final class FittedOnSimilarity implements SimilarityModel {
    private int fittedOn = -1;

    /** Training interactions of the last fit, -1 before any. */
    public int fittedOn() {
        return fittedOn;
    }

    @Override
    public void fit(SimilarityInput input) {
        fittedOn = input.train().size();
    }

    @Override
    public float similarity(int a, int b) {
        return 0;
    }

    @Override
    public ScoredItems neighbours(int item, int k) {
        return ScoredItems.empty();
    }

    @Override
    public void save(ArtifactWriter out) {
    }

    @Override
    public void load(ArtifactReader in) {
    }
}
