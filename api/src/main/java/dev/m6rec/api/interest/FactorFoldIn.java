package dev.m6rec.api.interest;

/**
 * A factor model's vector for a user: the learned one for a user seen in training, else the
 * mean of the history's item vectors (a fold-in that serves fresh events and new users without
 * retraining), else null when there is no evidence at all.
 *
 * <pre>{@code
 * float[] p = FactorFoldIn.userVector(user, rank, userFactors, trainedUsers, itemFactors);
 * }</pre>
 */
public final class FactorFoldIn {
    private FactorFoldIn() {
    }

    /**
     * @param rank         factors per vector
     * @param userFactors  row-major users x rank
     * @param trainedUsers 1 for a user with a learned vector, one entry per user the model was fitted on
     * @param itemFactors  row-major items x rank
     * @throws IllegalArgumentException for a user index beyond the fitted users
     */
    public static float[] userVector(UserProfile user, int rank, float[] userFactors, int[] trainedUsers,
                                     float[] itemFactors) {
        int u = user.index();
        if (u >= trainedUsers.length) {
            throw new IllegalArgumentException("user index " + u + " outside the " + trainedUsers.length
                    + " users the model was fitted on");
        }
        if (u >= 0 && trainedUsers[u] == 1) {
            float[] p = new float[rank];
            System.arraycopy(userFactors, u * rank, p, 0, rank);
            return p;
        }
        int[] history = user.history();
        if (history.length == 0) {
            return null;
        }
        float[] p = new float[rank];
        for (int h : history) {
            int base = h * rank;
            for (int d = 0; d < rank; d++) {
                p[d] += itemFactors[base + d];
            }
        }
        for (int d = 0; d < rank; d++) {
            p[d] /= history.length;
        }
        return p;
    }
}
