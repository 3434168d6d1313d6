package dev.m6rec.plugins.tuning;

import smile.math.blas.Diag;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;
import smile.math.blas.UPLO;

/**
 * The lower Cholesky factor {@code L} of a symmetric positive-definite matrix, computed and used
 * through Smile's LAPACK binding ({@code potrf}, {@code potrs}, {@code trtrs}). A matrix that is
 * not numerically positive definite (duplicate inputs, tiny noise) gets a growing diagonal
 * jitter until it factors; the jitter used is kept so that callers can see it.
 */
final class CholeskyFactor {
    private static final double FIRST_JITTER = 1e-10;
    private static final double LAST_JITTER = 1e-2;

    private final int n;
    private final double[] lower;
    private final double jitter;

    private CholeskyFactor(int n, double[] lower, double jitter) {
        this.n = n;
        this.lower = lower;
        this.jitter = jitter;
    }

    /**
     * Factors the {@code n x n} symmetric {@code matrix} (left untouched).
     *
     * @throws ArithmeticException when even the largest jitter does not make it positive definite
     */
    static CholeskyFactor of(double[] matrix, int n) {
        double meanDiagonal = 0.0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += matrix[i * n + i];
        }
        meanDiagonal = Math.max(meanDiagonal / n, 1e-300);
        double jitter = 0.0;
        while (true) {
            double[] a = matrix.clone();
            if (jitter > 0) {
                for (int i = 0; i < n; i++) {
                    a[i * n + i] += jitter * meanDiagonal;
                }
            }
            int info = LAPACK.engine.potrf(Layout.COL_MAJOR, UPLO.LOWER, n, a, n);
            if (info == 0) {
                return new CholeskyFactor(n, a, jitter);
            }
            if (info < 0 || jitter >= LAST_JITTER) {
                throw new ArithmeticException("matrix is not positive definite (potrf info " + info + ")");
            }
            jitter = jitter == 0.0 ? FIRST_JITTER : jitter * 100;
        }
    }

    int size() {
        return n;
    }

    /** The relative diagonal jitter that was needed (0 when none). */
    double jitter() {
        return jitter;
    }

    /** {@code log det A = 2 sum log L_ii}. */
    double logDeterminant() {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower[i + i * n]);
        }
        return 2.0 * sum;
    }

    /** {@code A^-1 b} for one right-hand side, as a new array. */
    double[] solve(double[] b) {
        double[] x = b.clone();
        check(LAPACK.engine.potrs(Layout.COL_MAJOR, UPLO.LOWER, n, 1, lower, n, x, n));
        return x;
    }

    /** {@code A^-1} as a full symmetric array. */
    double[] inverse() {
        double[] x = new double[n * n];
        for (int i = 0; i < n; i++) {
            x[i * n + i] = 1.0;
        }
        check(LAPACK.engine.potrs(Layout.COL_MAJOR, UPLO.LOWER, n, n, lower, n, x, n));
        return x;
    }

    /**
     * Overwrites {@code columns} (column-major {@code n x count}, i.e. {@code count} vectors of
     * length n stored one after the other) with {@code L^-1 columns}.
     */
    void solveLowerInPlace(double[] columns, int count) {
        check(LAPACK.engine.trtrs(Layout.COL_MAJOR, UPLO.LOWER, Transpose.NO_TRANSPOSE, Diag.NON_UNIT,
                n, count, lower, n, columns, n));
    }

    private static void check(int info) {
        if (info != 0) {
            throw new ArithmeticException("LAPACK solve failed (info " + info + ")");
        }
    }
}
