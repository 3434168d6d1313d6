package dev.m6rec.plugins.dl4j.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision matrix products on Java arrays through the OpenBLAS that ND4J
 * itself loads (the same native library, no second copy). A call costs about a microsecond on
 * top of the arithmetic, against tens of microseconds for an ND4J op, which is what makes the
 * fused training step fast. The arrays cross JNI through Get/ReleaseFloatArrayElements, which
 * HotSpot implements by copying each whole array in and back out: cheap for the tower's small
 * matrices (about 5% of a training step), but two threads must not pass the same output array.
 *
 * <pre>{@code
 * Gemm.multiply(rows, in, out, input, false, weights, false, output, 0f);  // output = input * weights
 * }</pre>
 */
public final class Gemm {
    static {
        Loader.load(openblas_nolapack.class);
    }

    private Gemm() {
    }

    /**
     * {@code c = op(a) * op(b) + beta * c}, where {@code op(a)} is {@code m x k}, {@code op(b)} is
     * {@code k x n} and {@code c} is {@code m x n}, all row-major and starting at index 0;
     * {@code lda} and {@code ldb} are the row lengths of {@code a} and {@code b} as stored.
     */
    public static void multiply(int m, int n, int k, float[] a, int lda, boolean transposeA, float[] b, int ldb,
                                boolean transposeB, float[] c, float beta) {
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, op(transposeA), op(transposeB), m, n, k, 1f, a, lda,
                b, ldb, beta, c, n);
    }

    /**
     * As {@link #multiply}, on native buffers: nothing crosses JNI but the call. {@code c} may be
     * larger than {@code m x n}; its first {@code m x n} values are written.
     */
    public static void multiply(int m, int n, int k, FloatPointer a, int lda, boolean transposeA, FloatPointer b,
                                int ldb, boolean transposeB, FloatPointer c, float beta) {
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, op(transposeA), op(transposeB), m, n, k, 1f, a, lda,
                b, ldb, beta, c, n);
    }

    private static int op(boolean transpose) {
        return transpose ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }

    /** Limits OpenBLAS's own threads (ND4J's setting is applied through the same library). */
    public static void threads(int count) {
        openblas_nolapack.blas_set_num_threads(count);
    }
}
