package dev.m6rec.core.eval;

import java.io.Serializable;

/**
 * What one evaluated user contributes to a pass: the per-user metrics at K, AUC, the top-K list,
 * rating and click errors. The {@link Evaluator} computes outcomes ({@link Evaluator#outcomes}) and
 * reduces them ({@link Evaluator#combine}); the two may run in different JVMs, so an outcome is
 * {@link Serializable} (a distributed engine carries it back to the driver, nothing stores it).
 * Opaque outside this package: only the evaluator reads or writes its fields.
 */
public final class UserOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Null when the user had no held-out item that was not already known (not ranked). */
    double[] atK;
    double auc = Double.NaN;
    int relevant;
    int[] list;
    double squaredError;
    double absoluteError;
    int rated;
    double logLoss;
    int clicks;

    UserOutcome() {
    }
}
