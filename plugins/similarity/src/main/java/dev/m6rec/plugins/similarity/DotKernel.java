package dev.m6rec.plugins.similarity;

import java.util.Arrays;

/**
 * Dot products of one row against a tile of rows stored transposed ({@code tile[k][j]} is
 * component {@code k} of the tile's row {@code j}), written so that HotSpot's auto-vectoriser
 * turns the inner loops into SIMD code: one store stream, arrays indexed from 0 (a moving offset
 * into a shared array defeats it), four components per pass. Every dot product sums its terms in
 * component order {@code k = 0, 1, ...}, exactly as a plain loop would, so results are the same
 * floats as {@link #dot}. Groups of four zero components are skipped (adding +0 changes nothing),
 * which makes one-hot or binarised features cheap.
 */
final class DotKernel {
    private DotKernel() {
    }

    /** {@code out[j] = Σ_k rows[offset + k] · tile[k][j]} for every {@code j < out.length}. */
    static void rowTimesTile(float[] out, float[] rows, int offset, int dims, float[][] tile) {
        Arrays.fill(out, 0f);
        int k = 0;
        for (; k + 4 <= dims; k += 4) {
            float a0 = rows[offset + k];
            float a1 = rows[offset + k + 1];
            float a2 = rows[offset + k + 2];
            float a3 = rows[offset + k + 3];
            if (a0 != 0f || a1 != 0f || a2 != 0f || a3 != 0f) {
                add4(out, a0, a1, a2, a3, tile[k], tile[k + 1], tile[k + 2], tile[k + 3]);
            }
        }
        for (; k < dims; k++) {
            float a = rows[offset + k];
            if (a != 0f) {
                add1(out, a, tile[k]);
            }
        }
    }

    private static void add4(float[] c, float a0, float a1, float a2, float a3,
                             float[] b0, float[] b1, float[] b2, float[] b3) {
        for (int j = 0; j < c.length; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void add1(float[] c, float a, float[] b) {
        for (int j = 0; j < c.length; j++) {
            c[j] = c[j] + a * b[j];
        }
    }

    /** The dot product of two rows of a row-major matrix, summed in component order. */
    static float dot(float[] rows, int offsetA, int offsetB, int dims) {
        float s = 0f;
        for (int k = 0; k < dims; k++) {
            s += rows[offsetA + k] * rows[offsetB + k];
        }
        return s;
    }
}
