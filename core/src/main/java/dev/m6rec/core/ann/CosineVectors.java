package dev.m6rec.core.ann;

import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Row vectors of a dense row-major matrix scored by cosine similarity, for Lucene's HNSW builder
 * and for the exact scores a search reports. The rows are not copied: the inverse norms are kept instead, so a million 64-wide
 * embeddings cost 4 MB here rather than a second 256 MB normalised copy. A zero row scores 0.
 */
final class CosineVectors implements RandomVectorScorerSupplier {
    private final float[] data;
    private final int dims;
    private final float[] inverseNorms;

    CosineVectors(float[] data, int dims) {
        this(data, dims, inverseNorms(data, dims));
    }

    private CosineVectors(float[] data, int dims, float[] inverseNorms) {
        this.data = data;
        this.dims = dims;
        this.inverseNorms = inverseNorms;
    }

    int size() {
        return inverseNorms.length;
    }

    int dims() {
        return dims;
    }

    float[] data() {
        return data;
    }

    float[] inverseNorms() {
        return inverseNorms;
    }

    /** One over the length of {@code query}; 0 for a zero vector. */
    static float inverseNorm(float[] query) {
        float norm = 0;
        for (float v : query) {
            norm += v * v;
        }
        return norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    }

    /** The cosine of row {@code row} with {@code query}, given the query's {@link #inverseNorm}. */
    float cosine(float[] query, float queryInverseNorm, int row) {
        return cosine(query, 0, queryInverseNorm, row);
    }

    private float cosine(float[] q, int offset, float queryInverseNorm, int row) {
        return dot(data, row * dims, q, offset, dims) * inverseNorms[row] * queryInverseNorm;
    }

    private static float[] inverseNorms(float[] data, int dims) {
        float[] inverse = new float[dims == 0 ? 0 : data.length / dims];
        for (int i = 0; i < inverse.length; i++) {
            float norm = 0;
            for (int c = 0, o = i * dims; c < dims; c++) {
                norm += data[o + c] * data[o + c];
            }
            inverse[i] = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        }
        return inverse;
    }

    /** Scores rows against row {@code ord} (graph building). */
    @Override
    public RandomVectorScorer scorer(int ord) {
        return scorer(data, ord * dims, inverseNorms[ord]);
    }

    private RandomVectorScorer scorer(float[] q, int offset, float queryInverseNorm) {
        int n = size();
        return new RandomVectorScorer() {
            @Override
            public float score(int node) {
                return cosine(q, offset, queryInverseNorm, node);
            }

            @Override
            public int maxOrd() {
                return n;
            }
        };
    }

    /**
     * {@code a[ia ..] . b[ib ..]} over {@code n} values, in four running sums: a search scores a
     * few thousand rows per query, and one running sum leaves the loop waiting on each addition's
     * latency (the JIT may not reorder float sums).
     */
    static float dot(float[] a, int ia, float[] b, int ib, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            s0 += a[ia + c] * b[ib + c];
            s1 += a[ia + c + 1] * b[ib + c + 1];
            s2 += a[ia + c + 2] * b[ib + c + 2];
            s3 += a[ia + c + 3] * b[ib + c + 3];
        }
        for (; c < n; c++) {
            s0 += a[ia + c] * b[ib + c];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public RandomVectorScorerSupplier copy() {
        return new CosineVectors(data, dims, inverseNorms);
    }
}
