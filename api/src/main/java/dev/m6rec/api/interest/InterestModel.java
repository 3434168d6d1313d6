package dev.m6rec.api.interest;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
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
