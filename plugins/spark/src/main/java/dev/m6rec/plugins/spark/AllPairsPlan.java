package dev.m6rec.plugins.spark;

import dev.m6rec.plugins.similarity.SparseAllPairsJob;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How the all-pairs pass is cut into tiles: query items into contiguous blocks
 * {@code [queryBounds[b], queryBounds[b+1])}, balanced by the work of their pass (the sum of
 * their users' degrees), and candidate items into contiguous blocks balanced by entries. Tile
 * {@code (q, c)} is partition {@code q * candidateBlocks + c} of the tile shuffle.
 */
record AllPairsPlan(int[] queryBounds, int[] candidateBounds) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Query items per block at most: a tile's output is its query items times k keys. */
    static final int MAX_QUERY_ITEMS = 2048;
    /** Entries a tile should hold at most (rows of its users, both parts: about 8 bytes each). */
    static final long TILE_ENTRIES = 1L << 22;

    int queryBlocks() {
        return queryBounds.length - 1;
    }

    int candidateBlocks() {
        return candidateBounds.length - 1;
    }

    int tiles() {
        return queryBlocks() * candidateBlocks();
    }

    /** The block of {@code item} under {@code bounds}. */
    static int blockOf(int[] bounds, int item) {
        int b = Arrays.binarySearch(bounds, item);
        // Found: the block starting at item (bounds increase strictly). Not found: the one before the insertion point.
        return b >= 0 ? b : -b - 2;
    }

    /**
     * At least two query blocks per core, and enough that none has more than
     * {@link #MAX_QUERY_ITEMS}; then as many candidate blocks as make the largest query block's
     * rows fit {@link #TILE_ENTRIES} (one, unless some block's users touch a lot).
     */
    static AllPairsPlan automatic(SparseAllPairsJob job, int parallelism) {
        int n = job.items();
        int queryBlocks = Math.max(2 * parallelism, (n + MAX_QUERY_ITEMS - 1) / MAX_QUERY_ITEMS);
        int[] queryBounds = balanced(work(job), queryBlocks);
        long largest = 0;
        for (long volume : rowVolumes(job, queryBounds)) {
            largest = Math.max(largest, volume);
        }
        return new AllPairsPlan(queryBounds, balanced(columnSizes(job), (int) Math.min(n,
                (largest + TILE_ENTRIES - 1) / TILE_ENTRIES)));
    }

    /** {@code queryBlocks} x {@code candidateBlocks} tiles (fewer when there are fewer items). */
    static AllPairsPlan of(SparseAllPairsJob job, int queryBlocks, int candidateBlocks) {
        return new AllPairsPlan(balanced(work(job), queryBlocks), balanced(columnSizes(job), candidateBlocks));
    }

    /** Per query block, the entries of the rows of its users: what its tiles receive in all. */
    static long[] rowVolumes(SparseAllPairsJob job, int[] queryBounds) {
        int[] degrees = degrees(job);
        int[] offsets = job.offsets();
        int[] users = job.userIndexes();
        int[] stamp = new int[job.users()];
        Arrays.fill(stamp, -1);
        long[] volumes = new long[queryBounds.length - 1];
        for (int b = 0; b < volumes.length; b++) {
            for (int p = offsets[queryBounds[b]]; p < offsets[queryBounds[b + 1]]; p++) {
                if (stamp[users[p]] != b) {
                    stamp[users[p]] = b;
                    volumes[b] += degrees[users[p]];
                }
            }
        }
        return volumes;
    }

    /** Per item, the updates its pass makes: the sum of its users' degrees. */
    private static long[] work(SparseAllPairsJob job) {
        int[] degrees = degrees(job);
        int[] offsets = job.offsets();
        int[] users = job.userIndexes();
        long[] work = new long[job.items()];
        for (int i = 0; i < work.length; i++) {
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                work[i] += degrees[users[p]];
            }
        }
        return work;
    }

    private static long[] columnSizes(SparseAllPairsJob job) {
        long[] sizes = new long[job.items()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = job.offsets()[i + 1] - job.offsets()[i];
        }
        return sizes;
    }

    private static int[] degrees(SparseAllPairsJob job) {
        int[] degrees = new int[job.users()];
        for (int u : job.userIndexes()) {
            degrees[u]++;
        }
        return degrees;
    }

    /** Bounds of {@code blocks} non-empty contiguous blocks (fewer if there are fewer items) of about equal weight. */
    static int[] balanced(long[] weights, int blocks) {
        int n = weights.length;
        int count = Math.max(1, Math.min(blocks, n));
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            // One more per item: every item costs its heap and list, and weightless items still spread evenly.
            prefix[i + 1] = prefix[i] + weights[i] + 1;
        }
        int[] bounds = new int[count + 1];
        bounds[count] = n;
        int i = 0;
        for (int b = 1; b < count; b++) {
            double target = (double) prefix[n] * b / count;
            while (i < n && prefix[i] < target) {
                i++;
            }
            // Every block keeps at least one item, on both sides of this bound.
            bounds[b] = Math.min(Math.max(i, bounds[b - 1] + 1), n - (count - b));
            i = bounds[b];
        }
        return bounds;
    }
}
