package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;

/**
 * Dense item vectors (features or embeddings) prepared for one measure, so that every measure
 * becomes a dot product plus a cheap per-pair formula: rows normalised to unit length (cosine;
 * after centring each row for pearson, each column for adjusted-cosine), binarised (jaccard) or
 * kept as they are (euclidean). A zero vector has similarity 0 with everything (for
 * adjusted-cosine it stays out of the column means and is not centred).
 */
final class DenseItemVectors implements PairSimilarity {
    private final Measure measure;
    private final int items;
    private final int dims;
    private final float[] rows;
    /** Per item: sum of squares (euclidean), number of non-zeros (jaccard); empty otherwise. */
    private final float[] stats;

    private DenseItemVectors(Measure measure, int items, int dims, float[] rows, float[] stats) {
        this.measure = requireNonNull(measure, "measure is null");
        this.items = items;
        this.dims = dims;
        this.rows = rows;
        this.stats = stats;
    }

    /** Prepares the rows of {@code matrix}; {@code what} names it in errors ("item features"). */
    static DenseItemVectors build(FeatureMatrix matrix, Measure measure, String what) {
        int n = matrix.rows();
        int d = matrix.columns();
        float[] rows = matrix.data().clone();
        for (int p = 0; p < rows.length; p++) {
            if (!Float.isFinite(rows[p])) {
                throw new DataException("similarity: " + what + " of item " + p / d + ", column '"
                        + matrix.columnNames().get(p % d) + "' is " + rows[p]);
            }
        }
        float[] stats = new float[measure == Measure.JACCARD || measure == Measure.EUCLIDEAN ? n : 0];
        switch (measure) {
            case JACCARD -> {
                for (int p = 0; p < rows.length; p++) {
                    rows[p] = rows[p] != 0f ? 1f : 0f;
                    stats[p / d] += rows[p];
                }
            }
            case EUCLIDEAN -> {
                for (int i = 0; i < n; i++) {
                    stats[i] = DotKernel.dot(rows, i * d, i * d, d);
                }
            }
            case ADJUSTED_COSINE -> {
                centreColumns(rows, n, d);
                normaliseRows(rows, n, d);
            }
            case PEARSON -> {
                centreRows(rows, n, d);
                normaliseRows(rows, n, d);
            }
            default -> normaliseRows(rows, n, d);
        }
        return new DenseItemVectors(measure, n, d, rows, stats);
    }

    private static void centreRows(float[] rows, int n, int d) {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                sum += rows[i * d + k];
            }
            float mean = (float) (sum / Math.max(1, d));
            for (int k = 0; k < d; k++) {
                rows[i * d + k] -= mean;
            }
        }
    }

    /** Centres each column on its mean over the non-zero rows; zero rows stay zero vectors. */
    private static void centreColumns(float[] rows, int n, int d) {
        boolean[] zero = new boolean[n];
        double[] sums = new double[d];
        int counted = 0;
        for (int i = 0; i < n; i++) {
            zero[i] = true;
            for (int k = 0; k < d && zero[i]; k++) {
                zero[i] = rows[i * d + k] == 0f;
            }
            if (!zero[i]) {
                counted++;
                for (int k = 0; k < d; k++) {
                    sums[k] += rows[i * d + k];
                }
            }
        }
        float[] means = new float[d];
        for (int k = 0; k < d; k++) {
            means[k] = (float) (sums[k] / Math.max(1, counted));
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d && !zero[i]; k++) {
                rows[i * d + k] -= means[k];
            }
        }
    }

    private static void normaliseRows(float[] rows, int n, int d) {
        for (int i = 0; i < n; i++) {
            double sumSq = 0;
            for (int k = 0; k < d; k++) {
                sumSq += (double) rows[i * d + k] * rows[i * d + k];
            }
            if (sumSq > 0) {
                float inverse = (float) (1 / Math.sqrt(sumSq));
                for (int k = 0; k < d; k++) {
                    rows[i * d + k] *= inverse;
                }
            }
        }
    }

    @Override
    public int items() {
        return items;
    }

    int dims() {
        return dims;
    }

    Measure measure() {
        return measure;
    }

    /** The prepared rows, row-major. Do not modify. */
    float[] rows() {
        return rows;
    }

    /** The per-item statistic the pair formula needs (see {@link #score}); empty for cosine-like measures. */
    float[] stats() {
        return stats;
    }

    /** Whether scores need {@link #score} on top of the dot product. */
    boolean needsFormula() {
        return stats.length > 0;
    }

    /** Jaccard of two binarised rows from their dot (the intersection) and set sizes. */
    static float jaccard(float sizeA, float sizeB, float dot) {
        return dot / Math.max((sizeA + sizeB) - dot, 1f);
    }

    /** 1 / (1 + distance) from the sums of squares and the dot; 0 when a sum of squares is infinite. */
    static float euclidean(float sqA, float sqB, float dot) {
        return 1f / (1f + (float) Math.sqrt(Math.max(0f, (sqA + sqB) - 2f * dot)));
    }

    /** The similarity of two items from their dot product. */
    float score(int a, int b, float dot) {
        return switch (measure) {
            case JACCARD -> jaccard(stats[a], stats[b], dot);
            case EUCLIDEAN -> stats[a] == 0f || stats[b] == 0f ? 0f : euclidean(stats[a], stats[b], dot);
            default -> dot;
        };
    }

    @Override
    public float similarity(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return score(lo, hi, DotKernel.dot(rows, lo * dims, hi * dims, dims));
    }

    @Override
    public void save(ArtifactWriter out, String prefix) {
        out.writeInts(prefix + "shape.i32", new int[] {items, dims});
        out.writeFloats(prefix + "rows.f32", rows);
        out.writeFloats(prefix + "stats.f32", stats);
    }

    static DenseItemVectors load(ArtifactReader in, String prefix, Measure measure) {
        int[] shape = in.readInts(prefix + "shape.i32");
        float[] rows = in.readFloats(prefix + "rows.f32");
        float[] stats = in.readFloats(prefix + "stats.f32");
        boolean withStats = measure == Measure.JACCARD || measure == Measure.EUCLIDEAN;
        if (shape.length != 2 || (long) shape[0] * shape[1] != rows.length || stats.length != (withStats ? shape[0] : 0)) {
            throw new ArtifactException(in.location() + "/" + prefix + "rows.f32: " + rows.length + " values and "
                    + stats.length + " statistics do not match the stored shape");
        }
        return new DenseItemVectors(measure, shape[0], shape[1], rows, stats);
    }
}
