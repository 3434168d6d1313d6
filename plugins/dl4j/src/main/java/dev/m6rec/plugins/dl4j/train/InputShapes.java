package dev.m6rec.plugins.dl4j.train;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;

/** The check both deep models make before fitting: the training data and the inputs span the same id spaces. */
public final class InputShapes {
    private InputShapes() {
    }

    /** Throws (a pipeline bug, not a user error) when the sizes or the feature rows disagree. */
    public static void requireMatching(Interactions train, ModelInputs inputs) {
        if (train.numUsers() != inputs.numUsers() || train.numItems() != inputs.numItems()
                || inputs.userFeatures().rows() != inputs.numUsers() || inputs.itemFeatures().rows() != inputs.numItems()) {
            throw new IllegalArgumentException("training data spans " + train.numUsers() + "x" + train.numItems()
                    + " but the inputs are " + inputs.numUsers() + "x" + inputs.numItems() + " with feature rows "
                    + inputs.userFeatures().rows() + "/" + inputs.itemFeatures().rows());
        }
    }
}
