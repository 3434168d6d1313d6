package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import java.util.function.IntConsumer;

/**
 * Inverts a symmetric positive-definite matrix in place through its Cholesky factor, the way
 * LAPACK's {@code dpotrf + dpotri} do: {@code A = L L^T}, {@code W = L^-1}, {@code A^-1 = W^T W}.
 * Each step costs {@code n^3/6} multiply-adds and is blocked ({@code block} rows at a time) so
 * that the bulk of the work is a rank-{@code block} update over cache-sized column tiles, spread
 * over threads by {@link PluginContext#parallelFor}; each task writes its own rows or tiles only,
 * so the result does not depend on the thread count.
 *
 * <p>Storage: the lower triangle, packed by rows in float64: element {@code (i, j)}, {@code j <= i},
 * is at {@code i(i+1)/2 + j}. Rows are contiguous, so every inner loop is a stride-1
 * {@code y += s * x} that the JIT vectorises.
 */
final class CholeskyInverse {
    static final int DEFAULT_BLOCK = 64;
    static final int DEFAULT_TILE = 256;
    /** Rows per task in the panel solve and trailing update of the factorisation. */
    private static final int ROWS_PER_TASK = 16;
    private final PluginContext context;
    private final int block;
    private final int tile;

    CholeskyInverse(PluginContext context) {
        this(context, DEFAULT_BLOCK, DEFAULT_TILE);
    }

    /** Small blocks and tiles let tests exercise every code path on small matrices. */
    CholeskyInverse(PluginContext context, int block, int tile) {
        this.context = requireNonNull(context, "context is null");
        if (block < 1 || tile < 1) {
            throw new IllegalArgumentException("block and tile must be >= 1");
        }
        this.block = block;
        this.tile = tile;
    }

    /** Runs tasks {@code 0..tasks-1} on the context's threads, in chunks of consecutive tasks. */
    private void forEachTask(int tasks, IntConsumer task) {
        context.parallelFor(0, tasks, (from, to) -> {
            for (int t = from; t < to; t++) {
                task.accept(t);
            }
        });
    }

    /** Where row {@code i} of a packed lower triangle starts. */
    static int rowStart(int i) {
        return (int) ((long) i * (i + 1) / 2);
    }

    /** Entries of a packed lower triangle of order {@code n}. */
    static long packedSize(int n) {
        return (long) n * (n + 1) / 2;
    }

    /**
     * Replaces the packed lower triangle {@code a} of a symmetric positive-definite matrix of
     * order {@code n} by that of its inverse.
     *
     * @throws ArithmeticException when the matrix is not (numerically) positive definite
     */
    void invert(double[] a, int n) {
        if (a.length != packedSize(n)) {
            throw new IllegalArgumentException("packed matrix of order " + n + " needs " + packedSize(n)
                    + " values, got " + a.length);
        }
        factor(a, n);
        invertFactor(a, n);
        multiplyTransposedFactor(a, n);
    }

    /** {@code a := L}, the lower Cholesky factor (right-looking, blocked). */
    void factor(double[] a, int n) {
        for (int k0 = 0; k0 < n; k0 += block) {
            int k1 = Math.min(n, k0 + block);
            factorDiagonalBlock(a, k0, k1);
            if (k1 == n) {
                break;
            }
            int rows = n - k1;
            int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            int kk0 = k0;
            forEachTask(tasks, t -> solvePanel(a, kk0, k1, k1 + t * ROWS_PER_TASK,
                    Math.min(n, k1 + (t + 1) * ROWS_PER_TASK)));
            double[] panel = transposePanel(a, n, k0, k1);
            // Longest rows first so the last tasks to be claimed are the short ones.
            forEachTask(tasks, t -> {
                int r1 = n - t * ROWS_PER_TASK;
                int r0 = Math.max(k1, r1 - ROWS_PER_TASK);
                updateTrailing(a, panel, n, kk0, k1, r0, r1);
            });
        }
    }

    private static void factorDiagonalBlock(double[] a, int k0, int k1) {
        for (int i = k0; i < k1; i++) {
            int oi = rowStart(i);
            for (int j = k0; j <= i; j++) {
                int oj = rowStart(j);
                double s = a[oi + j];
                for (int c = k0; c < j; c++) {
                    s -= a[oi + c] * a[oj + c];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("matrix is not positive definite (pivot " + i + " is " + s + ")");
                    }
                    a[oi + i] = Math.sqrt(s);
                } else {
                    a[oi + j] = s / a[oj + j];
                }
            }
        }
    }

    /** Rows {@code [r0, r1)} of the panel below the diagonal block: {@code L_21 = A_21 L_11^-T}. */
    private static void solvePanel(double[] a, int k0, int k1, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int oi = rowStart(i);
            for (int j = k0; j < k1; j++) {
                int oj = rowStart(j);
                double s = a[oi + j];
                for (int c = k0; c < j; c++) {
                    s -= a[oi + c] * a[oj + c];
                }
                a[oi + j] = s / a[oj + j];
            }
        }
    }

    /** The panel's columns {@code [k0, k1)} of rows {@code [k1, n)} as rows: {@code t[c][j - k1]}. */
    private static double[] transposePanel(double[] a, int n, int k0, int k1) {
        int m = n - k1;
        double[] t = new double[(k1 - k0) * m];
        for (int j = k1; j < n; j++) {
            int oj = rowStart(j);
            for (int c = k0; c < k1; c++) {
                t[(c - k0) * m + (j - k1)] = a[oj + c];
            }
        }
        return t;
    }

    /**
     * {@code A_22 -= L_21 L_21^T} on rows {@code [r0, r1)}, columns {@code [k1, i]}, tile by tile,
     * two rows and four panel columns at a time so each loaded panel value feeds two rows. Every
     * entry gets the same expression whichever way rows are paired, so the result does not depend
     * on task boundaries.
     */
    private void updateTrailing(double[] a, double[] t, int n, int k0, int k1, int r0, int r1) {
        int m = n - k1;
        int w = k1 - k0;
        for (int jt0 = k1; jt0 < r1; jt0 += tile) {
            int jt1 = Math.min(jt0 + tile, r1);
            int i = Math.max(r0, jt0);
            for (; i + 1 < r1; i += 2) {
                int oi = rowStart(i);
                int oi2 = rowStart(i + 1);
                int end = Math.min(jt1, i + 1);
                boolean longer = i + 1 < jt1; // row i+1 has one more column in this tile
                int c = 0;
                for (; c + 3 < w; c += 4) {
                    int p = oi + k0 + c;
                    int q = oi2 + k0 + c;
                    double s0 = a[p];
                    double s1 = a[p + 1];
                    double s2 = a[p + 2];
                    double s3 = a[p + 3];
                    double u0 = a[q];
                    double u1 = a[q + 1];
                    double u2 = a[q + 2];
                    double u3 = a[q + 3];
                    int t0 = c * m - k1;
                    int t1 = t0 + m;
                    int t2 = t1 + m;
                    int t3 = t2 + m;
                    for (int j = jt0; j < end; j++) {
                        double x0 = t[t0 + j];
                        double x1 = t[t1 + j];
                        double x2 = t[t2 + j];
                        double x3 = t[t3 + j];
                        a[oi + j] -= s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
                        a[oi2 + j] -= u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3;
                    }
                    if (longer) {
                        int j = i + 1;
                        a[oi2 + j] -= u0 * t[t0 + j] + u1 * t[t1 + j] + u2 * t[t2 + j] + u3 * t[t3 + j];
                    }
                }
                for (; c < w; c++) {
                    double s = a[oi + k0 + c];
                    double u = a[oi2 + k0 + c];
                    int tb = c * m - k1;
                    for (int j = jt0; j < end; j++) {
                        double x = t[tb + j];
                        a[oi + j] -= s * x;
                        a[oi2 + j] -= u * x;
                    }
                    if (longer) {
                        a[oi2 + i + 1] -= u * t[tb + i + 1];
                    }
                }
            }
            if (i < r1) {
                updateTrailingRow(a, t, m, k0, w, k1, i, jt0, Math.min(jt1, i + 1));
            }
        }
    }

    private static void updateTrailingRow(double[] a, double[] t, int m, int k0, int w, int k1, int i, int jt0,
                                          int end) {
        int oi = rowStart(i);
        int c = 0;
        for (; c + 3 < w; c += 4) {
            int p = oi + k0 + c;
            double s0 = a[p];
            double s1 = a[p + 1];
            double s2 = a[p + 2];
            double s3 = a[p + 3];
            int t0 = c * m - k1;
            int t1 = t0 + m;
            int t2 = t1 + m;
            int t3 = t2 + m;
            for (int j = jt0; j < end; j++) {
                a[oi + j] -= s0 * t[t0 + j] + s1 * t[t1 + j] + s2 * t[t2 + j] + s3 * t[t3 + j];
            }
        }
        for (; c < w; c++) {
            double s = a[oi + k0 + c];
            int tb = c * m - k1;
            for (int j = jt0; j < end; j++) {
                a[oi + j] -= s * t[tb + j];
            }
        }
    }

    /**
     * {@code a := W = L^-1} from the factor in {@code a}, block of rows by block of rows. Within a
     * block, every column tile is independent ({@code W[i][j]} depends on column {@code j} of the
     * earlier rows only), which is what the tasks split.
     */
    void invertFactor(double[] a, int n) {
        for (int i0 = 0; i0 < n; i0 += block) {
            int i1 = Math.min(n, i0 + block);
            // The block's L rows, kept aside because tiles overwrite them with W while others still read them.
            double[] lRows = copyBlockRows(a, i0, i1);
            int tiles = (i1 + tile - 1) / tile;
            int ii0 = i0;
            forEachTask(tiles, t -> invertFactorTile(a, lRows, ii0, i1, t * tile, Math.min(i1, (t + 1) * tile)));
        }
    }

    /**
     * Rows {@code [i0, i1)} of the packed triangle copied out, row {@code r} at {@code r * i1}
     * (zero-padded to width {@code i1}), so tiles can overwrite the rows in place while reading them.
     */
    private static double[] copyBlockRows(double[] a, int i0, int i1) {
        double[] rows = new double[(i1 - i0) * i1];
        for (int r = 0; r < i1 - i0; r++) {
            System.arraycopy(a, rowStart(i0 + r), rows, r * i1, i0 + r + 1);
        }
        return rows;
    }

    private static void invertFactorTile(double[] a, double[] lRows, int i0, int i1, int jt0, int jt1) {
        int h = i1 - i0;
        int tw = jt1 - jt0;
        double[] acc = new double[h * tw];
        // Earlier rows k < i0 are W already: acc_i += L[i][k] * W[k][tile]; W[k][j] is 0 for j > k.
        int k = jt0;
        for (; k < Math.min(i0, jt1 - 1); k++) {
            int ok = rowStart(k);
            int len = Math.min(jt1, k + 1) - jt0;
            for (int r = 0; r < h; r++) {
                double s = lRows[r * i1 + k];
                if (s != 0) {
                    int ar = r * tw - jt0;
                    for (int j = jt0; j < jt0 + len; j++) {
                        acc[ar + j] += s * a[ok + j];
                    }
                }
            }
        }
        // From here on every earlier row covers the whole tile: four rows into two accumulators at a time.
        for (; k + 3 < i0; k += 4) {
            int o0 = rowStart(k);
            int o1 = rowStart(k + 1);
            int o2 = rowStart(k + 2);
            int o3 = rowStart(k + 3);
            int r = 0;
            for (; r + 1 < h; r += 2) {
                int lr = r * i1 + k;
                int lr2 = lr + i1;
                double s0 = lRows[lr];
                double s1 = lRows[lr + 1];
                double s2 = lRows[lr + 2];
                double s3 = lRows[lr + 3];
                double u0 = lRows[lr2];
                double u1 = lRows[lr2 + 1];
                double u2 = lRows[lr2 + 2];
                double u3 = lRows[lr2 + 3];
                int ar = r * tw - jt0;
                int ar2 = ar + tw;
                for (int j = jt0; j < jt1; j++) {
                    double x0 = a[o0 + j];
                    double x1 = a[o1 + j];
                    double x2 = a[o2 + j];
                    double x3 = a[o3 + j];
                    acc[ar + j] += s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
                    acc[ar2 + j] += u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3;
                }
            }
            if (r < h) {
                int lr = r * i1 + k;
                double s0 = lRows[lr];
                double s1 = lRows[lr + 1];
                double s2 = lRows[lr + 2];
                double s3 = lRows[lr + 3];
                int ar = r * tw - jt0;
                for (int j = jt0; j < jt1; j++) {
                    acc[ar + j] += s0 * a[o0 + j] + s1 * a[o1 + j] + s2 * a[o2 + j] + s3 * a[o3 + j];
                }
            }
        }
        for (; k < i0; k++) {
            int ok = rowStart(k);
            for (int r = 0; r < h; r++) {
                double s = lRows[r * i1 + k];
                int ar = r * tw - jt0;
                for (int j = jt0; j < jt1; j++) {
                    acc[ar + j] += s * a[ok + j];
                }
            }
        }
        // The block's own rows, in order: finish row i, then push it into the later rows.
        for (int r = 0; r < h; r++) {
            int i = i0 + r;
            int jEnd = Math.min(jt1, i + 1);
            if (jEnd <= jt0) {
                continue;
            }
            int oi = rowStart(i);
            double lii = lRows[r * i1 + i];
            int ar = r * tw - jt0;
            for (int j = jt0; j < Math.min(jEnd, i); j++) {
                a[oi + j] = -acc[ar + j] / lii;
            }
            if (i < jt1) {
                a[oi + i] = 1.0 / lii;
            }
            for (int r2 = r + 1; r2 < h; r2++) {
                double s = lRows[r2 * i1 + i];
                if (s != 0) {
                    int a2 = r2 * tw - jt0;
                    for (int j = jt0; j < jEnd; j++) {
                        acc[a2 + j] += s * a[oi + j];
                    }
                }
            }
        }
    }

    /**
     * {@code a := W^T W} (the inverse) from {@code W} in {@code a}: {@code P[i][j] = sum over k >= i
     * of W[k][i] W[k][j]}. Row blocks go top-down, since a block only reads rows at or below itself.
     */
    void multiplyTransposedFactor(double[] a, int n) {
        for (int i0 = 0; i0 < n; i0 += block) {
            int i1 = Math.min(n, i0 + block);
            double[] wRows = copyBlockRows(a, i0, i1);
            int tiles = (i1 + tile - 1) / tile;
            int ii0 = i0;
            forEachTask(tiles, t -> productTile(a, wRows, n, ii0, i1, t * tile, Math.min(i1, (t + 1) * tile)));
        }
    }

    private static void productTile(double[] a, double[] wRows, int n, int i0, int i1, int jt0, int jt1) {
        int h = i1 - i0;
        int tw = jt1 - jt0;
        double[] acc = new double[h * tw];
        // Rows below the block, four at a time; row i of P only needs columns j <= i.
        int k = i1;
        for (; k + 3 < n; k += 4) {
            int o0 = rowStart(k);
            int o1 = rowStart(k + 1);
            int o2 = rowStart(k + 2);
            int o3 = rowStart(k + 3);
            int r = 0;
            for (; r + 1 < h; r += 2) {
                int i = i0 + r;
                int end = Math.min(jt1, i + 1);
                int end2 = Math.min(jt1, i + 2);
                double s0 = a[o0 + i];
                double s1 = a[o1 + i];
                double s2 = a[o2 + i];
                double s3 = a[o3 + i];
                double u0 = a[o0 + i + 1];
                double u1 = a[o1 + i + 1];
                double u2 = a[o2 + i + 1];
                double u3 = a[o3 + i + 1];
                int ar = r * tw - jt0;
                int ar2 = ar + tw;
                for (int j = jt0; j < end; j++) {
                    double x0 = a[o0 + j];
                    double x1 = a[o1 + j];
                    double x2 = a[o2 + j];
                    double x3 = a[o3 + j];
                    acc[ar + j] += s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
                    acc[ar2 + j] += u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3;
                }
                // Row i+1 reaches one column further when the tile allows.
                for (int j = Math.max(jt0, end); j < end2; j++) {
                    acc[ar2 + j] += u0 * a[o0 + j] + u1 * a[o1 + j] + u2 * a[o2 + j] + u3 * a[o3 + j];
                }
            }
            if (r < h) {
                int i = i0 + r;
                int end = Math.min(jt1, i + 1);
                double s0 = a[o0 + i];
                double s1 = a[o1 + i];
                double s2 = a[o2 + i];
                double s3 = a[o3 + i];
                int ar = r * tw - jt0;
                for (int j = jt0; j < end; j++) {
                    acc[ar + j] += s0 * a[o0 + j] + s1 * a[o1 + j] + s2 * a[o2 + j] + s3 * a[o3 + j];
                }
            }
        }
        for (; k < n; k++) {
            int ok = rowStart(k);
            for (int r = 0; r < h; r++) {
                int i = i0 + r;
                int jEnd = Math.min(jt1, i + 1);
                double s = a[ok + i];
                int ar = r * tw - jt0;
                for (int j = jt0; j < jEnd; j++) {
                    acc[ar + j] += s * a[ok + j];
                }
            }
        }
        // The block's own rows k (W[k][i] is 0 for i > k).
        for (k = i0; k < i1; k++) {
            int kb = (k - i0) * i1;
            for (int i = i0; i <= k; i++) {
                int jEnd = Math.min(jt1, i + 1);
                double s = wRows[kb + i];
                if (jEnd <= jt0 || s == 0) {
                    continue;
                }
                int ar = (i - i0) * tw - jt0;
                for (int j = jt0; j < jEnd; j++) {
                    acc[ar + j] += s * wRows[kb + j];
                }
            }
        }
        for (int r = 0; r < h; r++) {
            int i = i0 + r;
            int jEnd = Math.min(jt1, i + 1);
            if (jEnd > jt0) {
                System.arraycopy(acc, r * tw, a, rowStart(i) + jt0, jEnd - jt0);
            }
        }
    }
}
