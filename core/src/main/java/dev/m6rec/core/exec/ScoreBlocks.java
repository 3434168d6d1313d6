package dev.m6rec.core.exec;

/**
 * How many users to score together through {@code InterestModel.scoreAll(List, float[])}: 256,
 * enough for a GEMM to reuse every item vector from cache, and fewer when a block of float32
 * scores would pass 16 MB (a million items: 4 users), so a block never dominates the heap.
 */
public final class ScoreBlocks {
    public static final int MAX_ROWS = 256;
    public static final int MAX_SCORES = 1 << 22;

    private ScoreBlocks() {
    }

    /** Users per block for a catalogue of {@code numItems}. */
    public static int rows(int numItems) {
        return Math.max(1, Math.min(MAX_ROWS, MAX_SCORES / Math.max(1, numItems)));
    }
}
