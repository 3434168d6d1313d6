package dev.m6rec.core.ann;

import java.util.Arrays;

/**
 * The nodes a search has scored: one bit per node of the graph (12.5 KB for 100,000 nodes), a
 * single load and no probing per test. Lucene's searcher keeps a sparse bit set whose blocks it
 * allocates as the search spreads, and a hash set sized to the visits, tried first here, spent a
 * fifth of a search probing and growing; this costs a few percent on 100k mlp embeddings.
 */
final class VisitedNodes {
    private final long[] bits;

    VisitedNodes(int nodes) {
        bits = new long[(nodes + 63) >>> 6];
    }

    /** Adds {@code node}; whether it was not there yet. */
    boolean add(int node) {
        long mask = 1L << node;
        long word = bits[node >>> 6];
        bits[node >>> 6] = word | mask;
        return (word & mask) == 0;
    }

    void clear() {
        Arrays.fill(bits, 0L);
    }
}
