package dev.m6rec.plugins.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import java.util.List;

/** Checks a model's block scoring against its single-user form. */
final class BlockScoring {
    private BlockScoring() {
    }

    /**
     * Asserts that every row of {@code model.scoreAll(users, block)} is the single-user
     * {@code scoreAll} within {@code relative * (1 + |score|)}; returns the largest difference seen.
     */
    static double assertMatchesSingleUser(InterestModel model, List<UserProfile> users, int numItems,
                                          float relative) {
        float[] block = new float[users.size() * numItems];
        model.scoreAll(users, block);
        float[] single = new float[numItems];
        double largest = 0;
        for (int u = 0; u < users.size(); u++) {
            model.scoreAll(users.get(u), single);
            for (int j = 0; j < numItems; j++) {
                float got = block[u * numItems + j];
                assertThat(got).as("user row %d, item %d", u, j)
                        .isCloseTo(single[j], within(relative * (1 + Math.abs(single[j]))));
                largest = Math.max(largest, Math.abs(got - single[j]));
            }
        }
        return largest;
    }
}
