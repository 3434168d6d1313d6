package dev.m6rec.plugins.tuning;

import java.util.Arrays;

/**
 * A small projected limited-memory BFGS for smooth functions of a few box-bounded variables (the
 * Gaussian process's log hyper-parameters). Smile's L-BFGS-B would do, but it logs every call at
 * INFO level, which would flood a host's log once per proposed trial.
 */
final class BoundedMinimizer {
    /** A function that returns its value and writes its gradient. */
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    private static final int MEMORY = 6;
    private static final double ARMIJO = 1e-4;

    private BoundedMinimizer() {
    }

    /**
     * Minimises from {@code x} (overwritten with the best point found) within {@code [lower, upper]}.
     *
     * @return the value at the returned point
     */
    static double minimize(Objective objective, double[] x, double[] lower, double[] upper, int maxIterations,
                           double tolerance) {
        int n = x.length;
        project(x, lower, upper);
        double[] g = new double[n];
        double f = objective.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] candidate = new double[n];
        double[] candidateGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations && Double.isFinite(f); iteration++) {
            double[] free = freeGradient(x, g, lower, upper);
            if (normInf(free) < tolerance) {
                break;
            }
            twoLoop(free, s, y, rho, stored, newest, direction);
            for (int i = 0; i < n; i++) {
                if (free[i] == 0.0) {
                    direction[i] = 0.0;
                }
            }
            if (dot(direction, free) >= 0) {
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = -free[i];
                }
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(normInf(free), 1e-12)) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial < 30; trial++) {
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + step * direction[i];
                }
                project(candidate, lower, upper);
                double decrease = 0.0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (candidate[i] - x[i]);
                }
                fNew = objective.valueAndGradient(candidate, candidateGradient);
                if (Double.isFinite(fNew) && fNew <= f + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            int slot = (newest + 1) % MEMORY;
            double[] ds = new double[n];
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                ds[i] = candidate[i] - x[i];
                dy[i] = candidateGradient[i] - g[i];
            }
            double sy = dot(ds, dy);
            if (sy > 1e-12) {
                s[slot] = ds;
                y[slot] = dy;
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, MEMORY);
            }
            boolean converged = Math.abs(f - fNew) <= tolerance * (1.0 + Math.abs(f));
            System.arraycopy(candidate, 0, x, 0, n);
            System.arraycopy(candidateGradient, 0, g, 0, n);
            f = fNew;
            if (converged) {
                break;
            }
        }
        return f;
    }

    /** The gradient with the components that push against an active bound zeroed. */
    private static double[] freeGradient(double[] x, double[] g, double[] lower, double[] upper) {
        double[] free = g.clone();
        for (int i = 0; i < x.length; i++) {
            if ((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) {
                free[i] = 0.0;
            }
        }
        return free;
    }

    /** {@code direction = -H g} with the L-BFGS two-loop recursion over the stored pairs. */
    private static void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest,
                                double[] direction) {
        System.arraycopy(g, 0, direction, 0, g.length);
        double[] alpha = new double[MEMORY];
        for (int k = 0; k < stored; k++) {
            int j = Math.floorMod(newest - k, MEMORY);
            alpha[j] = rho[j] * dot(s[j], direction);
            axpy(-alpha[j], y[j], direction);
        }
        if (stored > 0) {
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < direction.length; i++) {
                direction[i] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int j = Math.floorMod(newest - k, MEMORY);
            double beta = rho[j] * dot(y[j], direction);
            axpy(alpha[j] - beta, s[j], direction);
        }
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -direction[i];
        }
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double normInf(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(0.0);
    }
}
