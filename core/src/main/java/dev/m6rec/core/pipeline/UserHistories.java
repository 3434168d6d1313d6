package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.UserProfile;

/**
 * Builds the {@link UserProfile} of each known user from the interactions known at that point
 * (train for validation, train + valid for test and serving), oldest first, with the user's
 * feature row.
 */
public final class UserHistories {
    private final Interactions known;
    private final SparseRows byUser;
    private final FeatureMatrix userFeatures;

    public UserHistories(Interactions known, FeatureMatrix userFeatures) {
        this.known = known;
        this.byUser = known.byUser();
        this.userFeatures = userFeatures;
    }

    public UserProfile profile(int user) {
        int start = byUser.start(user);
        int n = byUser.length(user);
        int[] items = new int[n];
        float[] ratings = known.hasRatings() ? new float[n] : null;
        for (int k = 0; k < n; k++) {
            items[k] = byUser.column(start + k);
            if (ratings != null) {
                ratings[k] = known.rating(byUser.source(start + k));
            }
        }
        return UserProfile.of(user, items, ratings, userFeatures.row(user));
    }

    /** The interactions profiles are built from. */
    public Interactions known() {
        return known;
    }
}
