package dev.m6rec.plugins.baselines;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Row-major float32 {@code C = A B + C} or {@code C = A B^T + C} on Java arrays through OpenBLAS's {@code cblas_sgemm}
 * (the library {@link LapackInverse} already loads). JavaCPP pins the arrays for the call, so
 * nothing is copied. OpenBLAS's own thread count is left as the host set it: callers that score
 * blocks on several Java threads run with one OpenBLAS thread each (the CLI sets
 * {@code OMP_NUM_THREADS=1}).
 */
final class Sgemm {
    static {
        Loader.load(openblas.class);
    }

    private Sgemm() {
    }

    /** {@code c[m x n] += a[m x k] * b[k x n]}. */
    static void addProduct(int m, int n, int k, float[] a, float[] b, float[] c) {
        multiply(m, n, k, a, b, false, c);
    }

    /**
     * {@code c[m x n] += a[m x k] * b[n x k]^T}: each row of {@code c} gains the dot products of the
     * same row of {@code a} with every row of {@code b}.
     */
    static void addProductTransposed(int m, int n, int k, float[] a, float[] b, float[] c) {
        multiply(m, n, k, a, b, true, c);
    }

    private static void multiply(int m, int n, int k, float[] a, float[] b, boolean transposeB, float[] c) {
        if ((long) m * k > a.length || (long) n * k > b.length || (long) m * n > c.length) {
            throw new IllegalArgumentException("arrays too short for " + m + " x " + n + " x " + k);
        }
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1f, a, k, b, transposeB ? k : n,
                1f, c, n);
    }
}
