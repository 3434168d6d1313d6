package dev.m6rec.plugins.tuning;

/**
 * The Matérn-5/2 covariance with one length scale per input column (automatic relevance
 * determination) and a signal variance: {@code k(r) = s (1 + sqrt(5) r + 5 r^2 / 3) exp(-sqrt(5) r)}
 * with {@code r^2 = sum_d (a_d - b_d)^2 / l_d^2}. Twice differentiable, so smooth enough for
 * expected improvement without the over-smoothing of the squared exponential. Inputs are
 * row-major {@code double[rows * width]}; the model works in double precision because its
 * Cholesky factor of a near-singular Gram matrix would not survive float32.
 */
final class Matern52Kernel {
    static final double SQRT5 = Math.sqrt(5.0);

    private final double[] inverseSquaredScale;
    private final double signalVariance;

    Matern52Kernel(double[] lengthScales, double signalVariance) {
        inverseSquaredScale = new double[lengthScales.length];
        for (int d = 0; d < lengthScales.length; d++) {
            inverseSquaredScale[d] = 1.0 / (lengthScales[d] * lengthScales[d]);
        }
        this.signalVariance = signalVariance;
    }

    double signalVariance() {
        return signalVariance;
    }

    /** The covariance at scaled distance {@code r}. */
    double atDistance(double r) {
        double s5r = SQRT5 * r;
        return signalVariance * (1.0 + s5r + s5r * s5r / 3.0) * Math.exp(-s5r);
    }

    /**
     * The Gram matrix of {@code n} inputs plus {@code noise} on its diagonal, as a full symmetric
     * {@code n x n} array (so row- and column-major alike).
     */
    double[] gram(double[] x, int n, double noise) {
        int w = inverseSquaredScale.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            k[i * n + i] = signalVariance + noise;
            for (int j = 0; j < i; j++) {
                double r2 = 0.0;
                for (int d = 0; d < w; d++) {
                    double diff = x[i * w + d] - x[j * w + d];
                    r2 += diff * diff * inverseSquaredScale[d];
                }
                double v = atDistance(Math.sqrt(r2));
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }

    /** Covariances between {@code m} query inputs and {@code n} training inputs, row-major {@code m x n}. */
    double[] cross(double[] query, int m, double[] x, int n) {
        int w = inverseSquaredScale.length;
        // Dividing the inputs by the length scales once saves a multiply per pair and column.
        double[] q = scaled(query, m);
        double[] t = scaled(x, n);
        double[] out = new double[m * n];
        for (int a = 0; a < m; a++) {
            int qa = a * w;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                int xb = b * w;
                double r2 = 0.0;
                for (int d = 0; d < w; d++) {
                    double diff = q[qa + d] - t[xb + d];
                    r2 += diff * diff;
                }
                out[row + b] = atDistance(Math.sqrt(r2));
            }
        }
        return out;
    }

    private double[] scaled(double[] inputs, int rows) {
        int w = inverseSquaredScale.length;
        double[] out = new double[rows * w];
        for (int d = 0; d < w; d++) {
            double s = Math.sqrt(inverseSquaredScale[d]);
            for (int r = 0; r < rows; r++) {
                out[r * w + d] = inputs[r * w + d] * s;
            }
        }
        return out;
    }
}
