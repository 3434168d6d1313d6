package dev.m6rec.core.split;

/** How k-fold cross-validation deals interactions into folds: each user's own, or the whole log at once. */
public enum FoldGrouping {
    /** Each user's interactions are shuffled and dealt round the folds, so every fold tests most users. */
    USER,
    /** The whole log is shuffled and dealt round the folds. */
    GLOBAL
}
