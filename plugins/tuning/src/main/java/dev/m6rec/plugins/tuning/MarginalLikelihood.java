package dev.m6rec.plugins.tuning;

import java.util.Arrays;

/**
 * The negative log posterior of the Gaussian process's hyper-parameters given the data: the
 * negative log marginal likelihood {@code y'K^-1 y / 2 + log|K| / 2 + n log(2 pi) / 2} plus weak
 * priors that keep a fit on a dozen points sane (a Gamma(3, 6) prior on each length scale, as
 * BoTorch used for Matérn kernels on the unit cube; log-normal priors on the signal and noise
 * variances). The gradient is analytic:
 * {@code d/dtheta = -tr((alpha alpha' - K^-1) dK/dtheta) / 2}.
 */
final class MarginalLikelihood implements BoundedMinimizer.Objective {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double NOISE_PRIOR_MEAN = Math.log(1e-3);
    private static final double NOISE_PRIOR_SD = 2.0;

    private final int n;
    private final int width;
    private final double[] y;
    /** Squared differences per pair {@code (i > j)} and column, {@code pairs x width}. */
    private final double[] squaredDiff;

    MarginalLikelihood(double[] x, int n, int width, double[] y) {
        this.n = n;
        this.width = width;
        this.y = y;
        squaredDiff = new double[n * (n - 1) / 2 * width];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++, p++) {
                for (int d = 0; d < width; d++) {
                    double diff = x[i * width + d] - x[j * width + d];
                    squaredDiff[p * width + d] = diff * diff;
                }
            }
        }
    }

    /** Fits from {@code theta} (overwritten with the fit) and returns the objective there. */
    double fit(double[] theta, int maxIterations) {
        return BoundedMinimizer.minimize(this, theta, GpHyperparameters.lower(width), GpHyperparameters.upper(width),
                maxIterations, 1e-6);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double[] inverseSquaredScale = new double[width];
        for (int d = 0; d < width; d++) {
            inverseSquaredScale[d] = Math.exp(-2 * theta[d]);
        }
        double signal = Math.exp(theta[width]);
        double noise = Math.exp(theta[width + 1]);
        int pairs = n * (n - 1) / 2;
        double[] kValue = new double[pairs];
        double[] kSlope = new double[pairs];
        double[] k = new double[n * n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            k[i * n + i] = signal + noise;
            for (int j = 0; j < i; j++, p++) {
                double r2 = 0.0;
                int base = p * width;
                for (int d = 0; d < width; d++) {
                    r2 += squaredDiff[base + d] * inverseSquaredScale[d];
                }
                double s5r = Matern52Kernel.SQRT5 * Math.sqrt(r2);
                double e = Math.exp(-s5r);
                double v = signal * (1.0 + s5r + s5r * s5r / 3.0) * e;
                kValue[p] = v;
                // dk/dlog(l_d) = slope * (a_d - b_d)^2 / l_d^2
                kSlope[p] = signal * (5.0 / 3.0) * (1.0 + s5r) * e;
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        CholeskyFactor factor;
        try {
            factor = CholeskyFactor.of(k, n);
        } catch (ArithmeticException e) {
            Arrays.fill(gradient, 0.0);
            return Double.POSITIVE_INFINITY;
        }
        double[] alpha = factor.solve(y);
        double[] inverse = factor.inverse();
        double fit = 0.0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = 0.5 * fit + 0.5 * factor.logDeterminant() + 0.5 * n * LOG_2PI;

        // W = alpha alpha' - K^-1; the gradient is -tr(W dK) / 2.
        Arrays.fill(gradient, 0.0);
        double signalGrad = 0.0;
        double diagonal = 0.0;
        p = 0;
        for (int i = 0; i < n; i++) {
            diagonal += alpha[i] * alpha[i] - inverse[i * n + i];
            for (int j = 0; j < i; j++, p++) {
                double w = alpha[i] * alpha[j] - inverse[i * n + j];
                signalGrad += w * kValue[p];
                double c = w * kSlope[p];
                int base = p * width;
                for (int d = 0; d < width; d++) {
                    gradient[d] += c * squaredDiff[base + d];
                }
            }
        }
        for (int d = 0; d < width; d++) {
            gradient[d] = -gradient[d] * inverseSquaredScale[d];
        }
        gradient[width] = -(signalGrad + 0.5 * diagonal * signal);
        gradient[width + 1] = -0.5 * diagonal * noise;

        // Priors (as negative log densities over the log parameters, Jacobian included).
        for (int d = 0; d < width; d++) {
            double l = Math.exp(theta[d]);
            value += -3.0 * theta[d] + 6.0 * l;
            gradient[d] += -3.0 + 6.0 * l;
        }
        value += 0.5 * theta[width] * theta[width];
        gradient[width] += theta[width];
        double z = (theta[width + 1] - NOISE_PRIOR_MEAN) / NOISE_PRIOR_SD;
        value += 0.5 * z * z;
        gradient[width + 1] += z / NOISE_PRIOR_SD;
        return value;
    }
}
