package dev.m6rec.plugins.baselines;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;

/**
 * What the history-based models (item-knn, bpr fold-in, ease) answer for a profile with no
 * history at all: the training popularity of each item scaled into {@code [0, 0.001]}. The order
 * is the popularity order; the small scale marks the scores as "no evidence about this user" so
 * they never look like neighbourhood or factor evidence when a host compares or blends scores.
 */
final class ColdStartScores {
    /** The largest fallback score: the most popular training item gets exactly this. */
    static final float SCALE = 1e-3f;
    private static final String FILE = "cold-start.f32";
    private final float[] scores;

    private ColdStartScores(float[] scores) {
        this.scores = scores;
    }

    /** Interaction counts per item of {@code train}, scaled so the largest is {@link #SCALE}. */
    static ColdStartScores fromTraining(Interactions train) {
        int[] counts = train.itemCounts();
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        float[] scores = new float[counts.length];
        if (max > 0) {
            for (int i = 0; i < counts.length; i++) {
                scores[i] = (float) ((double) counts[i] / max * SCALE);
            }
        }
        return new ColdStartScores(scores);
    }

    static ColdStartScores load(ArtifactReader in, int numItems) {
        return new ColdStartScores(StoredArrays.readFloats(in, FILE, numItems));
    }

    void save(ArtifactWriter out) {
        out.writeFloats(FILE, scores);
    }

    void scoreAll(float[] out) {
        System.arraycopy(scores, 0, out, 0, out.length);
    }

    void score(int[] items, float[] out) {
        for (int k = 0; k < items.length; k++) {
            out[k] = scores[items[k]];
        }
    }
}
