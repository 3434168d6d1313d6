package dev.m6rec.bench.spark;

/**
 * The ALS hyper-parameters both sides train with: M6-Rec's {@code als} section and MLlib's
 * {@code ALS} setters get the same values, implicit feedback on both.
 */
record AlsParameters(int rank, int iterations, double regularization, double alpha) {
    AlsParameters {
        if (rank < 1 || iterations < 1 || regularization < 0 || alpha < 0) {
            throw new IllegalArgumentException("rank and iterations >= 1, regularization and alpha >= 0: " + this);
        }
    }
}
