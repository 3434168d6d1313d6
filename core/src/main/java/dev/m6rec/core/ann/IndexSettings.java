package dev.m6rec.core.ann;

/**
 * How embedding recall finds the items nearest to a query: {@code exact} scans every item,
 * {@code hnsw} searches an HNSW graph, {@code auto} (the default) is exact below
 * {@link #AUTO_THRESHOLD} items and HNSW from there, where a scan per request starts to cost
 * (100k x 64 floats is 25 MB streamed per request). {@code m} is the graph's maximum neighbours
 * per node (2m on the bottom level), {@code beamWidth} the candidate list while building
 * (efConstruction) and {@code efSearch} the one while searching; {@code seed} makes the build
 * reproducible.
 */
public record IndexSettings(String index, int m, int beamWidth, int efSearch, long seed) {
    public static final int AUTO_THRESHOLD = 100_000;

    public IndexSettings {
        if (!index.equals("auto") && !index.equals("exact") && !index.equals("hnsw")) {
            throw new IllegalArgumentException("recommend.index: must be auto, exact or hnsw (was " + index + ")");
        }
    }

    public static IndexSettings defaults() {
        return new IndexSettings("auto", 16, 100, 100, 42);
    }

    /** Whether recall over {@code items} embeddings goes through an HNSW graph. */
    public boolean usesHnsw(int items) {
        return index.equals("hnsw") || (index.equals("auto") && items >= AUTO_THRESHOLD);
    }
}
