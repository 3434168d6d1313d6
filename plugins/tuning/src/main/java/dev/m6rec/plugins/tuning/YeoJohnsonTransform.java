package dev.m6rec.plugins.tuning;

/**
 * Makes the Gaussian process's targets look Gaussian: standardise, apply the Yeo-Johnson power
 * transform with the exponent of highest likelihood, standardise again (as HEBO does). Losses of
 * real objectives are skewed (a few diverged trials a thousand times worse than the rest, as on
 * Rosenbrock); standardising alone then squeezes every good trial into one flat region the
 * process cannot tell apart. The transform is monotone, so the best trial stays the best.
 */
final class YeoJohnsonTransform {
    private static final double LAMBDA_LOW = -3.0;
    private static final double LAMBDA_HIGH = 3.0;

    private YeoJohnsonTransform() {
    }

    /** The transformed, standardised targets (a new array). */
    static double[] apply(double[] y) {
        double[] z = standardise(y);
        double lambda = fitLambda(z);
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = transform(z[i], lambda);
        }
        return standardise(t);
    }

    static double transform(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-8 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        double mirrored = 2 - lambda;
        return Math.abs(mirrored) < 1e-8 ? -Math.log1p(-x) : -(Math.pow(1 - x, mirrored) - 1) / mirrored;
    }

    /** Golden-section search of the profile log-likelihood over [-3, 3]. */
    static double fitLambda(double[] z) {
        double inv = (Math.sqrt(5) - 1) / 2;
        double a = LAMBDA_LOW;
        double b = LAMBDA_HIGH;
        double c = b - inv * (b - a);
        double d = a + inv * (b - a);
        double fc = logLikelihood(z, c);
        double fd = logLikelihood(z, d);
        for (int k = 0; k < 40; k++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - inv * (b - a);
                fc = logLikelihood(z, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + inv * (b - a);
                fd = logLikelihood(z, d);
            }
        }
        return (a + b) / 2;
    }

    /** {@code -n/2 log var(t) + (lambda - 1) sum sign(x) log(|x| + 1)}. */
    static double logLikelihood(double[] z, double lambda) {
        int n = z.length;
        double mean = 0.0;
        double jacobian = 0.0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = transform(z[i], lambda);
            mean += t[i];
            jacobian += Math.signum(z[i]) * Math.log1p(Math.abs(z[i]));
        }
        mean /= n;
        double var = 0.0;
        for (double v : t) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        if (!(var > 0) || !Double.isFinite(var)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(var) + (lambda - 1) * jacobian;
    }

    static double[] standardise(double[] y) {
        int n = y.length;
        double mean = 0.0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0.0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = var > 0 ? Math.sqrt(var / n) : 1.0;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (y[i] - mean) / sd;
        }
        return out;
    }
}
