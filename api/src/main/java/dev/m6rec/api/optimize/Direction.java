package dev.m6rec.api.optimize;

/** Whether a study maximises (ndcg@10) or minimises (rmse) its metric. */
public enum Direction {
    MAXIMIZE,
    MINIMIZE;

    /** Whether {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return this == MAXIMIZE ? a > b : a < b;
    }
}
