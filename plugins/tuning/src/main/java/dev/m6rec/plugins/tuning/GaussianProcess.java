package dev.m6rec.plugins.tuning;

import static java.util.Objects.requireNonNull;

/**
 * A zero-mean Gaussian process conditioned on {@code n} inputs and (standardised) targets, with
 * predictions for many query inputs at once: the cross-covariance matrix is built in one pass and
 * the predictive variances come from one triangular solve with all queries as right-hand sides.
 */
final class GaussianProcess {
    private final Matern52Kernel kernel;
    private final double[] x;
    private final int n;
    private final CholeskyFactor factor;
    private final double[] alpha;

    GaussianProcess(Matern52Kernel kernel, double noise, double[] x, int n, double[] y) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.x = requireNonNull(x, "x is null");
        this.n = n;
        factor = CholeskyFactor.of(kernel.gram(x, n, noise), n);
        alpha = factor.solve(y);
    }

    /** Writes the posterior mean and variance (of the latent function, without noise) at {@code m} queries. */
    void predict(double[] query, int m, double[] mean, double[] variance) {
        double[] cross = kernel.cross(query, m, x, n);
        for (int a = 0; a < m; a++) {
            double mu = 0.0;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                mu += cross[row + b] * alpha[b];
            }
            mean[a] = mu;
        }
        // Row-major m x n is column-major n x m: each query's covariances are one right-hand side.
        factor.solveLowerInPlace(cross, m);
        double signal = kernel.signalVariance();
        for (int a = 0; a < m; a++) {
            double explained = 0.0;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                explained += cross[row + b] * cross[row + b];
            }
            variance[a] = Math.max(signal - explained, 1e-12 * signal);
        }
    }
}
