package dev.m6rec.api.interest;

/**
 * Everything a model may use about the user it scores for: the dense index (or -1 for a user it
 * was not trained on), the behaviour history (item indexes, oldest first, including events
 * recorded after training), and the user's feature vector. Cold start and real-time updates are
 * both just profiles: a new user has index -1 and features; a fresh click is one more history item.
 *
 * <pre>{@code
 * UserProfile known = UserProfile.of(42, history, ratings, features);
 * UserProfile newcomer = UserProfile.of(-1, new int[0], null, encodedAttributes);
 * }</pre>
 *
 * @param index          dense user index, or -1 when unknown to the model
 * @param history        items the user interacted with, oldest first
 * @param historyRatings ratings aligned with {@code history}, or {@code null}
 * @param features       the user's feature vector, or an empty array when no user features are configured
 */
public record UserProfile(int index, int[] history, float[] historyRatings, float[] features) {
    public UserProfile {
        java.util.Objects.requireNonNull(history, "history is null");
        java.util.Objects.requireNonNull(features, "features is null");
        if (historyRatings != null && historyRatings.length != history.length) {
            throw new IllegalArgumentException("history ratings do not match history");
        }
    }

    public static UserProfile of(int index, int[] history, float[] historyRatings, float[] features) {
        return new UserProfile(index, history, historyRatings, features);
    }

    public boolean isKnown() {
        return index >= 0;
    }

    /** The rating of the {@code k}-th history item, 1 when ratings are absent. */
    public float historyRating(int k) {
        return historyRatings == null ? 1f : historyRatings[k];
    }
}
