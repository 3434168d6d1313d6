package dev.m6rec.api.interest;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import java.util.List;
import java.util.Optional;

/**
 * Learns user interest from interactions and features, then scores (user, item) pairs: higher
 * means more likely to be wanted. Scoring must be thread-safe after fit/load.
 *
 * <pre>{@code
 * interest: { type: mlp, hidden: [128, 64], epochs: 20, loss: { click: 0.5, rating: 0.5 } }
 *
 * model.fit(trainingData);
 * float[] scores = new float[numItems];
 * model.scoreAll(profile, scores);
 *
 * float[] block = new float[profiles.size() * numItems];   // many users at once, row-major
 * model.scoreAll(profiles, block);                         // row u = profiles.get(u)'s scores
 * }</pre>
 */
public interface InterestModel extends AutoCloseable {

    void fit(TrainingData data);

    /** Scores {@code items} for {@code user} into {@code out} (same length). */
    void score(UserProfile user, int[] items, float[] out);

    /** Scores every item {@code 0..numItems-1}; override when a model can do better than a gather. */
    default void scoreAll(UserProfile user, float[] out) {
        int[] all = new int[out.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        score(user, all, out);
    }

    /**
     * Scores every item for each of {@code users} into {@code out}, row-major
     * {@code users.size() x numItems} (so {@code numItems = out.length / users.size()}): row
     * {@code u} holds what {@link #scoreAll(UserProfile, float[])} gives {@code users.get(u)}.
     * The evaluator and the all-users export call this with blocks of a few hundred users.
     *
     * <p>The default loops over the single-user form, so every model supports it. Override it
     * when a block is a matrix-matrix product (factor models, EASE, a network's last layer): one
     * GEMM reuses each item vector from cache for the whole block. An override may sum in another
     * order than the single-user form; it must then document its tolerance.
     */
    default void scoreAll(List<UserProfile> users, float[] out) {
        if (users.isEmpty()) {
            return;
        }
        if (out.length % users.size() != 0) {
            throw new IllegalArgumentException(out.length + " scores do not split into " + users.size() + " rows");
        }
        int numItems = out.length / users.size();
        float[] row = new float[numItems];
        for (int u = 0; u < users.size(); u++) {
            scoreAll(users.get(u), row);
            System.arraycopy(row, 0, out, u * numItems, numItems);
        }
    }

    /** Item vectors in a space where similar items are close, when the model learns them. */
    default Optional<FeatureMatrix> itemEmbeddings() {
        return Optional.empty();
    }

    void save(ArtifactWriter out);

    /** Restores fitted state written by {@link #save}; replaces {@code fit}. */
    void load(ArtifactReader in, ModelInputs inputs);

    /** Releases native memory or threads; the default holds none. */
    @Override
    default void close() {
    }
}
