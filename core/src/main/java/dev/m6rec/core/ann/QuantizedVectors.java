package dev.m6rec.core.ann;

/**
 * The rows of a matrix, each scaled to unit length, stored as one signed byte per value with one
 * scale per column ({@code value ~ code * scale[column]}): what the graph search walks. A search
 * scores a few thousand rows at random, and reading 4x fewer bytes per row is what makes each
 * score cheaper (on 100k x 32 mlp embeddings the walk's scores wait on memory: a float row is two
 * cache lines and its norm a third read). The codes order rows by cosine as the floats do up to about 1% of a
 * score's range, so a search re-scores what it returns from the float rows ({@link CosineVectors}):
 * the scores it reports, and their order, are exact.
 *
 * <p>Derived from the embeddings at build and load (it is not stored: the artifact keeps the one
 * float copy), in one pass over them.
 */
final class QuantizedVectors {
    private final byte[] codes;
    private final float[] scales;
    private final int dims;
    /** Written by {@link #keep}, read by no one. */
    @SuppressWarnings("unused")
    private int touched;

    QuantizedVectors(float[] data, int dims, float[] inverseNorms) {
        this.dims = dims;
        int n = inverseNorms.length;
        this.scales = new float[dims];
        for (int i = 0; i < n; i++) {
            for (int c = 0, o = i * dims; c < dims; c++) {
                scales[c] = Math.max(scales[c], Math.abs(data[o + c] * inverseNorms[i]));
            }
        }
        for (int c = 0; c < dims; c++) {
            scales[c] = scales[c] == 0 ? 1f : scales[c] / 127f;
        }
        this.codes = new byte[n * dims];
        for (int i = 0; i < n; i++) {
            for (int c = 0, o = i * dims; c < dims; c++) {
                codes[o + c] = (byte) Math.round(data[o + c] * inverseNorms[i] / scales[c]);
            }
        }
    }

    long bytes() {
        return codes.length + (long) scales.length * Float.BYTES;
    }

    /**
     * The query folded with the column scales and its own inverse norm, so that a row's score is
     * one sum of {@code weights[c] * code[c]}: its cosine with the query, to quantisation error.
     */
    float[] weights(float[] query, float queryInverseNorm) {
        float[] weights = new float[dims];
        for (int c = 0; c < dims; c++) {
            weights[c] = query[c] * queryInverseNorm * scales[c];
        }
        return weights;
    }

    /**
     * Reads the first and last byte of each of the rows: a tight loop of independent loads, which
     * the processor runs with many cache misses in flight, so the scores that follow find their
     * rows in cache (Java has no prefetch instruction; a score loop alone keeps about two misses
     * in flight). Returns a sum of the bytes read, for {@link #keep}.
     */
    int touch(int[] rows, int count) {
        int sum = 0;
        for (int f = 0; f < count; f++) {
            int o = rows[f] * dims;
            sum += codes[o] + codes[o + dims - 1];
        }
        return sum;
    }

    /**
     * Stores a search's {@link #touch} sums, so that the loads are not optimised away: once per
     * search: two searches at once writing this shared field on every touch would keep its cache
     * line, which holds the codes' reference too, moving between the cores.
     */
    void keep(int touchedSum) {
        touched = touchedSum;
    }

    /** Row {@code row}'s approximate cosine with the query {@link #weights} came from; four running sums, as {@link CosineVectors#dot}. */
    float score(float[] weights, int row) {
        byte[] codes = this.codes;
        int o = row * dims;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int c = 0;
        for (; c + 3 < dims; c += 4) {
            s0 += weights[c] * codes[o + c];
            s1 += weights[c + 1] * codes[o + c + 1];
            s2 += weights[c + 2] * codes[o + c + 2];
            s3 += weights[c + 3] * codes[o + c + 3];
        }
        for (; c < dims; c++) {
            s0 += weights[c] * codes[o + c];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
