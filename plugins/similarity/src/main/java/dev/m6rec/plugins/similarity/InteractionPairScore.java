package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The one formula that turns a pair's sums over its common users into its similarity on the
 * interactions source, with the per-item statistics it needs ({@code stats}: norm for cosine,
 * sum of squares for euclidean, number of users for jaccard, none for pearson and
 * adjusted-cosine). Shared by the single-machine pass and by a {@link ClusterAllPairs} engine's
 * tasks, which receive it serialized (it holds O(items) floats), so both score a pair with the
 * very same float operations.
 */
public final class InteractionPairScore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Measure measure;
    private final float shrinkage;
    private final int minSupport;
    private final float[] stats;

    InteractionPairScore(Measure measure, float shrinkage, int minSupport, float[] stats) {
        this.measure = requireNonNull(measure, "measure is null");
        this.shrinkage = shrinkage;
        this.minSupport = minSupport;
        this.stats = requireNonNull(stats, "stats is null");
    }

    Measure measure() {
        return measure;
    }

    float shrinkage() {
        return shrinkage;
    }

    int minSupport() {
        return minSupport;
    }

    float[] stats() {
        return stats;
    }

    /** Whether the pair sums include the dot product of the values (every measure but jaccard). */
    boolean usesDots() {
        return measure != Measure.JACCARD;
    }

    /**
     * The similarity of {@code lo < hi} from sums over their common users (in increasing user
     * order): {@code dot} of their values, {@code sqLo}/{@code sqHi} of squared values (pearson,
     * adjusted-cosine) and {@code common}, the number of common users.
     */
    float score(int lo, int hi, float dot, float sqLo, float sqHi, int common) {
        if (common < minSupport) {
            return 0f;
        }
        float s;
        switch (measure) {
            case COSINE -> {
                float norms = stats[lo] * stats[hi];
                s = norms > 0f ? dot / norms : 0f;
            }
            case EUCLIDEAN -> s = stats[lo] == 0f || stats[hi] == 0f ? 0f
                    : 1f / (1f + (float) Math.sqrt(Math.max(0f, (stats[lo] + stats[hi]) - 2f * dot)));
            case JACCARD -> s = common / Math.max((stats[lo] + stats[hi]) - common, 1f);
            default -> {
                double norms = Math.sqrt((double) sqLo * sqHi);
                s = norms > 0 ? (float) (dot / norms) : 0f;
            }
        }
        return shrinkage > 0f ? s * (common / (common + shrinkage)) : s;
    }
}
