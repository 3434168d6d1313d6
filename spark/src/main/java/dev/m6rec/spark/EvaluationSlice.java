package dev.m6rec.spark;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.UserProfile;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The users of one evaluation task with what their outcomes need besides the model: each user's
 * profile for the pass (history, its ratings, features, exactly as the driver's profile function
 * gives it) and held-out items with their ratings, in the order of the driver's
 * {@code targets.byUser()} (rating errors are summed in that order). Flat primitive arrays, so a
 * task ships about 8 bytes per history or target row plus the users' feature rows.
 *
 * @param users  ascending user indexes
 * @param chunks the driver's chunks of the evaluated users that this slice holds, as offsets in
 *               {@code users}: each is scored in the blocks the single-machine evaluator scores it in
 */
record EvaluationSlice(int numUsers, int numItems, int[] users, int[] chunks, int[] historyStarts, int[] historyItems,
                       float[] historyRatings, int[] featureStarts, float[] features, int[] targetStarts,
                       int[] targetItems, float[] targetRatings) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The users of chunks {@code [firstChunk, lastChunk)} of {@code counted} (chunk {@code c} is
     * {@code counted[bounds[c], bounds[c + 1])}): their profiles from {@code profiles}, their rows of {@code targets}.
     */
    static EvaluationSlice of(int[] counted, int[] bounds, int firstChunk, int lastChunk,
                              IntFunction<UserProfile> profiles, Interactions targets) {
        int from = bounds[firstChunk];
        int to = bounds[lastChunk];
        int n = to - from;
        int[] users = Arrays.copyOfRange(counted, from, to);
        int[] chunks = new int[lastChunk - firstChunk + 1];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = bounds[firstChunk + c] - from;
        }
        UserProfile[] chosen = new UserProfile[n];
        int[] historyStarts = new int[n + 1];
        int[] featureStarts = new int[n + 1];
        int[] targetStarts = new int[n + 1];
        SparseRows byUser = targets.byUser();
        boolean rated = n > 0;
        for (int i = 0; i < n; i++) {
            chosen[i] = profiles.apply(users[i]);
            rated &= chosen[i].historyRatings() != null;
            historyStarts[i + 1] = historyStarts[i] + chosen[i].history().length;
            featureStarts[i + 1] = featureStarts[i] + chosen[i].features().length;
            targetStarts[i + 1] = targetStarts[i] + byUser.length(users[i]);
        }
        int[] historyItems = new int[historyStarts[n]];
        float[] historyRatings = rated ? new float[historyStarts[n]] : null;
        float[] features = new float[featureStarts[n]];
        int[] targetItems = new int[targetStarts[n]];
        float[] targetRatings = targets.hasRatings() ? new float[targetStarts[n]] : null;
        for (int i = 0; i < n; i++) {
            UserProfile p = chosen[i];
            System.arraycopy(p.history(), 0, historyItems, historyStarts[i], p.history().length);
            if (rated) {
                System.arraycopy(p.historyRatings(), 0, historyRatings, historyStarts[i], p.history().length);
            }
            System.arraycopy(p.features(), 0, features, featureStarts[i], p.features().length);
            int at = targetStarts[i];
            for (int k = byUser.start(users[i]); k < byUser.end(users[i]); k++, at++) {
                targetItems[at] = byUser.column(k);
                if (targetRatings != null) {
                    targetRatings[at] = targets.rating(byUser.source(k));
                }
            }
        }
        return new EvaluationSlice(targets.numUsers(), targets.numItems(), users, chunks, historyStarts, historyItems,
                historyRatings, featureStarts, features, targetStarts, targetItems, targetRatings);
    }

    /** The profile of one of {@link #users}, equal to the driver's. */
    UserProfile profile(int user) {
        int i = Arrays.binarySearch(users, user);
        if (i < 0) {
            throw new IllegalArgumentException("user " + user + " is not in this slice");
        }
        int from = historyStarts[i];
        int to = historyStarts[i + 1];
        return UserProfile.of(user, Arrays.copyOfRange(historyItems, from, to),
                historyRatings == null ? null : Arrays.copyOfRange(historyRatings, from, to),
                Arrays.copyOfRange(features, featureStarts[i], featureStarts[i + 1]));
    }

    /** The slice's held-out rows as interactions over the whole index space, each user's rows in the driver's order. */
    Interactions targets() {
        int rows = targetItems.length;
        int[] rowUsers = new int[rows];
        for (int i = 0; i < users.length; i++) {
            Arrays.fill(rowUsers, targetStarts[i], targetStarts[i + 1], users[i]);
        }
        return Interactions.adopt(numUsers, numItems, rowUsers, targetItems.clone(),
                targetRatings == null ? null : targetRatings.clone(), null);
    }
}
