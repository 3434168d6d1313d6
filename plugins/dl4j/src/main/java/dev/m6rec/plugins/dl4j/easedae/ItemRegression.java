package dev.m6rec.plugins.dl4j.easedae;

import dev.m6rec.plugins.dl4j.vae.MultiHot;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * EASE's closed-form item-item weights (Steck 2019) over a chosen set of users: with {@code G} the
 * item Gram matrix of their multi-hot histories and {@code P = (G + lambda I)^-1},
 * {@code B[i][j] = -P[i][j] / P[j][j]} and a zero diagonal, so an item never predicts itself. The
 * Gram matrix and its inverse are float64, inverted with OpenBLAS's LAPACK ({@code dpotrf} then
 * {@code dpotri}, as the baselines' {@code ease}; ND4J's own matrix inverse took minutes on 1,682
 * items where this takes about a second); the weights are float32,
 * row-major {@code [items][items]}. Fitting it on all but one fold of users gives the out-of-fold
 * linear scores the autoencoder's residual is trained against.
 *
 * <pre>{@code
 * double[] gram = ItemRegression.gram(histories, numItems, null);   // every user
 * float[] b = ItemRegression.weights(gram, numItems, 300);
 * }</pre>
 */
final class ItemRegression {
    static {
        Loader.load(openblas.class);
    }

    private ItemRegression() {
    }

    /** The Gram matrix {@code X^T X} of the rows whose {@code keep} flag is set (all rows when null). */
    static double[] gram(MultiHot histories, int numItems, boolean[] keep) {
        double[] gram = new double[numItems * numItems];
        int[] items = histories.items;
        for (int r = 0; r < histories.rows(); r++) {
            if (keep != null && !keep[r]) {
                continue;
            }
            for (int a = histories.offsets[r]; a < histories.offsets[r + 1]; a++) {
                int row = items[a] * numItems;
                for (int b = histories.offsets[r]; b < histories.offsets[r + 1]; b++) {
                    gram[row + items[b]] += 1.0;
                }
            }
        }
        return gram;
    }

    /**
     * The weights for {@code gram} (left untouched) at {@code lambda}; an {@link ArithmeticException}
     * when the regularised matrix is not invertible.
     */
    static float[] weights(double[] gram, int numItems, double lambda) {
        int n = numItems;
        double[] p = gram.clone();
        for (int i = 0; i < n; i++) {
            p[i * n + i] += lambda;
        }
        // Row-major lower is column-major upper: LAPACK's own layout, so LAPACKE copies nothing.
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, p, n);
        if (info == 0) {
            info = openblas.LAPACKE_dpotri(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, p, n);
        }
        if (info < 0) {
            throw new IllegalStateException("LAPACK refused argument " + (-info));
        }
        if (info > 0) {
            throw new ArithmeticException("the matrix is not positive definite (minor " + info + " of " + n + ")");
        }
        float[] b = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double pij = p[i * n + j];   // the lower triangle holds the inverse
                b[i * n + j] = (float) (-pij / p[j * n + j]);
                b[j * n + i] = (float) (-pij / p[i * n + i]);
            }
        }
        return b;
    }

    /** {@code out[j] = sum over the history items i of b[i][j]}: one user's linear scores. */
    static void scores(float[] b, int numItems, int[] items, int from, int to, float[] out, int outOffset) {
        for (int k = from; k < to; k++) {
            int row = items[k] * numItems;
            for (int j = 0; j < numItems; j++) {
                out[outOffset + j] += b[row + j];
            }
        }
    }
}
