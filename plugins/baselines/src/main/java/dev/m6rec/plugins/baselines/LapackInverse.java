package dev.m6rec.plugins.baselines;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Inverts a symmetric positive-definite matrix in place with OpenBLAS's LAPACK, in float64:
 * {@code dpotrf} (Cholesky, {@code A = L L^T}) then {@code dpotri} ({@code A^-1 = L^-T L^-1}),
 * both blocked and threaded inside OpenBLAS. It replaced a hand-written blocked Cholesky in
 * Java, which took 3.0 s on MovieLens-100K's 1,682 items where this takes a fraction of that,
 * and whose n^3 cost grew to tens of minutes at 20k items (see bench/ease/run.sh).
 *
 * <p>Storage: row-major {@code n x n}; only the lower triangle is read and written (the upper
 * triangle is left as it was).
 */
final class LapackInverse {
    static {
        Loader.load(openblas.class);
    }

    private LapackInverse() {
    }

    /**
     * Replaces the lower triangle of {@code a} by that of its inverse, on {@code threads} OpenBLAS
     * threads (the previous setting is restored afterwards: ND4J shares this OpenBLAS).
     *
     * @throws ArithmeticException when the matrix is not positive definite
     */
    static void invertLower(double[] a, int n, int threads) {
        if ((long) n * n > a.length) {
            throw new IllegalArgumentException(a.length + " values for a matrix of order " + n);
        }
        if (n == 0) {
            return;
        }
        int previous = openblas.blas_get_num_threads();
        openblas.blas_set_num_threads(Math.max(1, threads));
        try {
            // Row-major lower is column-major upper: LAPACK's own layout, so LAPACKE copies and
            // transposes nothing (its row-major path would hold a second n x n matrix).
            int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, a, n);
            if (info > 0) {
                throw new ArithmeticException("the matrix is not positive definite (leading minor " + info
                        + " of " + n + ")");
            }
            if (info == 0) {
                info = openblas.LAPACKE_dpotri(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, a, n);
            }
            if (info < 0) {
                throw new IllegalStateException("LAPACK refused argument " + (-info));
            }
            if (info > 0) {
                throw new ArithmeticException("the Cholesky factor is singular at " + info);
            }
        } finally {
            openblas.blas_set_num_threads(previous);
        }
    }
}
