package dev.m6rec.bench;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ValidationScorer;

/** A benchmark trains for its fixed epochs: no validation split, so no early stopping. */
public final class NoValidation implements ValidationScorer {
    @Override
    public String metric() {
        return "ndcg@10";
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public double score(InterestModel model) {
        return Double.NaN;
    }
}
