package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import java.util.Arrays;

/**
 * The item columns of the training user-item matrix in compressed rows: item {@code i}'s users
 * are {@code users[offsets[i] .. offsets[i+1])} in increasing order, with the values the measure
 * compares (rating or 1, centred for adjusted-cosine and pearson). A user who touched an item
 * several times counts once, with the latest rating. Sums over a pair's common users always run
 * in increasing user order, here and in {@link SparseAllPairs}, so the on-demand similarity is
 * the very float the all-pairs pass stored. A zero vector (no users, or only zero values) has
 * similarity 0 with everything.
 */
final class SparseItemVectors implements PairSimilarity {
    private final int users;
    private final int[] offsets;
    private final int[] userIndexes;
    private final float[] values;
    /** The pair formula with its per-item stats: norm (cosine), sum of squares (euclidean), users (jaccard). */
    private final InteractionPairScore pairScore;

    private SparseItemVectors(Measure measure, float shrinkage, int minSupport, int users, int[] offsets,
                              int[] userIndexes, float[] values, float[] stats) {
        this.users = users;
        this.offsets = offsets;
        this.userIndexes = userIndexes;
        this.values = values;
        this.pairScore = new InteractionPairScore(requireNonNull(measure, "measure is null"), shrinkage, minSupport,
                stats);
    }

    /** Builds the item rows of {@code train} for {@code measure}. */
    static SparseItemVectors build(Interactions train, Measure measure, boolean binary, float shrinkage, int minSupport) {
        int n = train.numItems();
        int m = train.numUsers();
        SparseRows byUser = train.byUser();
        // Keep one entry per (user, item): the latest, since rows are oldest first within a user.
        int[] chosen = new int[byUser.nonZeros()];
        int[] userEnds = new int[m];
        int[] stamp = new int[n];
        int[] slot = new int[n];
        Arrays.fill(stamp, -1);
        int size = 0;
        for (int u = 0; u < m; u++) {
            for (int p = byUser.start(u); p < byUser.end(u); p++) {
                int item = byUser.column(p);
                if (stamp[item] != u) {
                    stamp[item] = u;
                    slot[item] = size;
                    chosen[size++] = p;
                } else {
                    chosen[slot[item]] = p;
                }
            }
            userEnds[u] = size;
        }
        boolean ones = binary || measure == Measure.JACCARD;
        float[] raw = new float[size];
        for (int e = 0; e < size; e++) {
            int row = byUser.source(chosen[e]);
            float r = ones ? 1f : train.rating(row);
            if (!Float.isFinite(r)) {
                throw new DataException("similarity: the rating of interaction " + row + " is " + r);
            }
            raw[e] = r;
        }
        if (measure == Measure.ADJUSTED_COSINE) {
            int start = 0;
            for (int u = 0; u < m; u++) {
                double sum = 0;
                for (int e = start; e < userEnds[u]; e++) {
                    sum += raw[e];
                }
                float mean = (float) (sum / Math.max(1, userEnds[u] - start));
                for (int e = start; e < userEnds[u]; e++) {
                    raw[e] -= mean;
                }
                start = userEnds[u];
            }
        }
        // Transpose to item rows; visiting users in increasing order sorts each row by user.
        int[] offsets = new int[n + 1];
        for (int e = 0; e < size; e++) {
            offsets[byUser.column(chosen[e]) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] userIndexes = new int[size];
        float[] values = new float[size];
        int start = 0;
        for (int u = 0; u < m; u++) {
            for (int e = start; e < userEnds[u]; e++) {
                int pos = fill[byUser.column(chosen[e])]++;
                userIndexes[pos] = u;
                values[pos] = raw[e];
            }
            start = userEnds[u];
        }
        if (measure == Measure.PEARSON) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                    sum += values[p];
                }
                float mean = (float) (sum / Math.max(1, offsets[i + 1] - offsets[i]));
                for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                    values[p] -= mean;
                }
            }
        }
        return new SparseItemVectors(measure, shrinkage, minSupport, m, offsets, userIndexes, values,
                stats(measure, offsets, values));
    }

    private static float[] stats(Measure measure, int[] offsets, float[] values) {
        int n = offsets.length - 1;
        float[] stats = new float[measure == Measure.PEARSON || measure == Measure.ADJUSTED_COSINE ? 0 : n];
        for (int i = 0; i < stats.length; i++) {
            float sumSq = 0f;
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                sumSq += values[p] * values[p];
            }
            stats[i] = switch (measure) {
                case COSINE -> (float) Math.sqrt(sumSq);
                case EUCLIDEAN -> sumSq;
                default -> offsets[i + 1] - offsets[i];
            };
        }
        return stats;
    }

    @Override
    public int items() {
        return offsets.length - 1;
    }

    int users() {
        return users;
    }

    Measure measure() {
        return pairScore.measure();
    }

    InteractionPairScore pairScore() {
        return pairScore;
    }

    int[] offsets() {
        return offsets;
    }

    int[] userIndexes() {
        return userIndexes;
    }

    float[] values() {
        return values;
    }

    /** The similarity of {@code lo < hi} from their sums over common users; see {@link InteractionPairScore#score}. */
    float score(int lo, int hi, float dot, float sqLo, float sqHi, int common) {
        return pairScore.score(lo, hi, dot, sqLo, sqHi, common);
    }

    @Override
    public float similarity(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int p = offsets[lo];
        int pEnd = offsets[lo + 1];
        int q = offsets[hi];
        int qEnd = offsets[hi + 1];
        float dot = 0f;
        float sqLo = 0f;
        float sqHi = 0f;
        int common = 0;
        // Gallop through the longer row when the lengths differ a lot (a popular item and a rare one).
        boolean gallopQ = (qEnd - q) > 8 * (pEnd - p);
        boolean gallopP = (pEnd - p) > 8 * (qEnd - q);
        while (p < pEnd && q < qEnd) {
            int up = userIndexes[p];
            int uq = userIndexes[q];
            if (up == uq) {
                float x = values[p++];
                float y = values[q++];
                dot += x * y;
                sqLo += x * x;
                sqHi += y * y;
                common++;
            } else if (up < uq) {
                p = gallopP ? lowerBound(uq, p + 1, pEnd) : p + 1;
            } else {
                q = gallopQ ? lowerBound(up, q + 1, qEnd) : q + 1;
            }
        }
        return score(lo, hi, dot, sqLo, sqHi, common);
    }

    /** The first position in {@code [from, to)} whose user is {@code >= user}. */
    private int lowerBound(int user, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (userIndexes[mid] < user) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void save(ArtifactWriter out, String prefix) {
        out.writeInts(prefix + "offsets.i32", offsets);
        out.writeInts(prefix + "users.i32", userIndexes);
        out.writeFloats(prefix + "values.f32", values);
        out.writeFloats(prefix + "stats.f32", pairScore.stats());
        out.writeInts(prefix + "shape.i32", new int[] {items(), users});
    }

    static SparseItemVectors load(ArtifactReader in, String prefix, Measure measure, float shrinkage, int minSupport) {
        int[] shape = in.readInts(prefix + "shape.i32");
        int[] offsets = in.readInts(prefix + "offsets.i32");
        int[] userIndexes = in.readInts(prefix + "users.i32");
        float[] values = in.readFloats(prefix + "values.f32");
        float[] stats = in.readFloats(prefix + "stats.f32");
        String where = in.location() + "/" + prefix;
        if (shape.length != 2 || offsets.length != shape[0] + 1 || offsets[0] != 0
                || offsets[shape[0]] != userIndexes.length || values.length != userIndexes.length
                || stats.length != (measure.usesCommonSquares() ? 0 : shape[0])) {
            throw new ArtifactException(where + "offsets.i32: item rows do not match their shape");
        }
        for (int i = 0; i < shape[0]; i++) {
            if (offsets[i] > offsets[i + 1]) {
                throw new ArtifactException(where + "offsets.i32: offsets decrease at item " + i);
            }
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int u = userIndexes[p];
                if (u < 0 || u >= shape[1] || (p > offsets[i] && userIndexes[p - 1] >= u)) {
                    throw new ArtifactException(where + "users.i32: row of item " + i + " is not a sorted list of users");
                }
            }
        }
        return new SparseItemVectors(measure, shrinkage, minSupport, shape[1], offsets, userIndexes, values, stats);
    }
}
