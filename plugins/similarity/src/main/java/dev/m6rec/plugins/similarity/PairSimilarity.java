package dev.m6rec.plugins.similarity;

import dev.m6rec.api.artifact.ArtifactWriter;

/**
 * Exact similarity of any two items of one fitted source, computed on demand from the vectors it
 * keeps. Symmetric: {@code similarity(a, b)} and {@code similarity(b, a)} are the same float,
 * and equal to the score the all-pairs computation stored for the pair. Thread-safe.
 */
interface PairSimilarity {

    int items();

    float similarity(int a, int b);

    /** Writes the vectors into {@code out}, file names starting with {@code prefix}. */
    void save(ArtifactWriter out, String prefix);
}
