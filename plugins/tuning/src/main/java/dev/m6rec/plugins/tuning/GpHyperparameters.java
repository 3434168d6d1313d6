package dev.m6rec.plugins.tuning;

import java.util.Arrays;

/**
 * The Gaussian process's hyper-parameters in the log space where they are fitted:
 * {@code [log l_1 .. log l_w, log signal variance, log noise variance]}, for standardised targets
 * and inputs in [0, 1].
 */
final class GpHyperparameters {
    static final double MIN_LENGTH_SCALE = 0.01;
    static final double MAX_LENGTH_SCALE = 20.0;
    static final double MIN_SIGNAL = 0.01;
    static final double MAX_SIGNAL = 100.0;
    static final double MIN_NOISE = 1e-6;
    static final double MAX_NOISE = 1.0;

    private GpHyperparameters() {
    }

    /** Where a fit starts when nothing better is known: moderate length scales, unit signal, little noise. */
    static double[] initial(int width) {
        double[] theta = new double[width + 2];
        for (int d = 0; d < width; d++) {
            theta[d] = Math.log(0.5);
        }
        theta[width] = 0.0;
        theta[width + 1] = Math.log(1e-3);
        return theta;
    }

    static double[] lower(int width) {
        return bounds(width, MIN_LENGTH_SCALE, MIN_SIGNAL, MIN_NOISE);
    }

    static double[] upper(int width) {
        return bounds(width, MAX_LENGTH_SCALE, MAX_SIGNAL, MAX_NOISE);
    }

    private static double[] bounds(int width, double lengthScale, double signal, double noise) {
        double[] b = new double[width + 2];
        Arrays.fill(b, 0, width, Math.log(lengthScale));
        b[width] = Math.log(signal);
        b[width + 1] = Math.log(noise);
        return b;
    }

    static Matern52Kernel kernel(double[] theta) {
        int width = theta.length - 2;
        double[] scales = new double[width];
        for (int d = 0; d < width; d++) {
            scales[d] = Math.exp(theta[d]);
        }
        return new Matern52Kernel(scales, Math.exp(theta[width]));
    }

    static double noise(double[] theta) {
        return Math.exp(theta[theta.length - 1]);
    }
}
