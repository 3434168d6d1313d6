package dev.m6rec.plugins.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.m6rec.api.PluginContext;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyInverseTest {

    @Test
    void invertsLikeGaussJordanAcrossBlockAndTileSizes() {
        int[][] shapes = {{1, 64, 256}, {7, 64, 256}, {37, 8, 8}, {53, 8, 16}, {40, 5, 3}, {70, 16, 7}};
        for (int[] shape : shapes) {
            int n = shape[0];
            double[][] dense = randomSpd(n, new SplittableRandom(n));
            double[] packed = pack(dense);
            new CholeskyInverse(threads(2), shape[1], shape[2])
                    .invert(packed, n);

            double[][] expected = gaussJordanInverse(dense);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertThat(packed[CholeskyInverse.rowStart(i) + j]).as("n=%d (%d,%d)", n, i, j)
                            .isCloseTo(expected[i][j], offset(1e-10));
                }
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int n = 90;
        double[] one = pack(randomSpd(n, new SplittableRandom(5)));
        double[] two = one.clone();
        new CholeskyInverse(threads(1), 8, 8).invert(one, n);
        new CholeskyInverse(threads(2), 8, 8).invert(two, n);

        assertThat(two).containsExactly(one);
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[] packed = pack(new double[][] {{1, 2}, {2, 1}});

        assertThatThrownBy(() -> new CholeskyInverse(threads(1))
                .invert(packed, 2))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("matrix is not positive definite (pivot 1 is -3.0)");
    }

    private static PluginContext threads(int threads) {
        return new RecordingPluginContext(1, "interest", threads, Path.of("."));
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

    static double[] pack(double[][] dense) {
        int n = dense.length;
        double[] packed = new double[(int) CholeskyInverse.packedSize(n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                packed[CholeskyInverse.rowStart(i) + j] = dense[i][j];
            }
        }
        return packed;
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
