package dev.m6rec.plugins.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LapackInverseTest {

    @Test
    void invertsLikeGaussJordanAndLeavesTheUpperTriangleAlone() {
        for (int n : new int[] {1, 7, 37, 130}) {
            double[][] dense = randomSpd(n, new SplittableRandom(n));
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = j <= i ? dense[i][j] : -1;   // the upper triangle is a marker
                }
            }
            LapackInverse.invertLower(a, n, 2);
            double[][] expected = gaussJordanInverse(dense);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(a[i * n + j]).as("n=%d (%d,%d)", n, i, j)
                            .isCloseTo(j <= i ? expected[i][j] : -1, offset(1e-10));
                }
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[] a = {1, 0, 2, 1};

        assertThatThrownBy(() -> LapackInverse.invertLower(a, 2, 1))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("the matrix is not positive definite (leading minor 2 of 2)");
    }

    /** A Gram matrix of random 0/1 rows plus a ridge, like EASE's. */
    static double[][] randomSpd(int n, SplittableRandom rng) {
        int rows = 2 * n + 3;
        boolean[][] x = new boolean[rows][n];
        for (boolean[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextDouble() < 0.3;
            }
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (boolean[] row : x) {
                    g[i][j] += row[i] && row[j] ? 1 : 0;
                }
            }
            g[i][i] += 0.5 + rng.nextDouble();
        }
        return g;
    }

    /** Plain Gauss-Jordan with partial pivoting: the textbook reference. */
    static double[][] gaussJordanInverse(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            double p = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
