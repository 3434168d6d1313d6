package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Exact all-pairs top-k over dense vectors in blocks, never holding an n×n matrix. The columns
 * are cut into tiles of {@code width} items stored transposed (small enough to stay in the L2
 * cache); a worker takes a block of rows and, tile by tile, computes each row's dot products with
 * the tile's items above it ({@link DotKernel}), turns them into scores and offers each pair to
 * both items' bounded heaps, so every pair is computed once. Heaps start from lower bounds of
 * each item's k-th best score ({@link NeighbourFloors}), so that few candidates reach them. Work
 * is {@code n²·d/2} multiply-adds; memory is the tiles (n·d floats) plus n·k·8 bytes of heaps per
 * worker, merged into the final lists at the end. The heaps keep the best k by score, then lower
 * index, so the lists do not depend on which worker saw which pair.
 */
final class DenseAllPairs {
    /** Rows that go through the tiles together; a tile is re-read from cache for each of them. */
    private static final int ROWS_PER_BLOCK = 64;
    /** Floats per tile, about 256 KB: the tile is re-read from cache for every row of a block. */
    private static final int TILE_FLOATS = 64 * 1024;

    private final DenseItemVectors vectors;
    private final int k;
    private final int width;
    /** {@code tiles[t][c][j]}: component {@code c} of item {@code t·width + j}, zero past the last item. */
    private final float[][][] tiles;
    /** {@code tileStats[t][j]}: the statistic of item {@code t·width + j}; +∞ for zero vectors (euclidean). */
    private final float[][] tileStats;
    /** Lower bounds of each item's k-th best score, or null. */
    private final float[] floors;

    private DenseAllPairs(DenseItemVectors vectors, int k, float[] floors) {
        this.vectors = vectors;
        this.k = k;
        this.floors = floors;
        int n = vectors.items();
        int d = vectors.dims();
        int w = Math.max(16, Math.min(512, TILE_FLOATS / Math.max(1, d)));
        this.width = Math.min(w / 16 * 16, Math.max(16, (n + 15) / 16 * 16));
        int count = (n + width - 1) / width;
        float[] rows = vectors.rows();
        float[] stats = vectors.stats();
        boolean euclidean = vectors.measure() == Measure.EUCLIDEAN;
        tiles = new float[count][d][width];
        tileStats = new float[vectors.needsFormula() ? count : 0][width];
        for (int t = 0; t < count; t++) {
            for (int j = 0; j < width && t * width + j < n; j++) {
                int item = t * width + j;
                for (int c = 0; c < d; c++) {
                    tiles[t][c][j] = rows[item * d + c];
                }
            }
            if (vectors.needsFormula()) {
                for (int j = 0; j < width; j++) {
                    int item = t * width + j;
                    float s = item < n ? stats[item] : 0f;
                    // An infinite sum of squares drives the euclidean score to exactly 0 without a branch.
                    tileStats[t][j] = euclidean && s == 0f ? Float.POSITIVE_INFINITY : s;
                }
            }
        }
    }

    /** The top-{@code k} lists of every item; {@code random} only steers how fast (see {@link NeighbourFloors}). */
    static NeighbourLists topK(DenseItemVectors vectors, int k, RandomGenerator random, PluginContext context,
                               ProgressTask progress) {
        int n = vectors.items();
        float[] floors = n > 2L * k + 1 ? NeighbourFloors.of(vectors, k, random, context) : null;
        DenseAllPairs pass = new DenseAllPairs(vectors, k, floors);
        List<Worker> workers = ChunkWorkers.run(context, n, pass::newWorker, progress);
        return NeighbourLists.merged(workers.stream().map(w -> w.heaps).toList(), n, k, context);
    }

    private Worker newWorker() {
        return new Worker();
    }

    /** One worker's heaps and dot-product buffer. */
    private final class Worker implements RangeBody {
        private final NeighbourHeaps heaps = new NeighbourHeaps(vectors.items(), k);
        private final float[] scores = new float[width];

        Worker() {
            if (floors != null) {
                heaps.raiseFloors(floors);
            }
        }

        @Override
        public void run(int from, int to) {
            for (int block = from; block < to; block += ROWS_PER_BLOCK) {
                rows(block, Math.min(to, block + ROWS_PER_BLOCK));
            }
        }

        private void rows(int from, int to) {
            int n = vectors.items();
            int d = vectors.dims();
            float[] rows = vectors.rows();
            float[] stats = vectors.stats();
            Measure measure = vectors.measure();
            for (int t = (from + 1) / width; t < tiles.length; t++) {
                int base = t * width;
                int end = Math.min(base + width, n);
                for (int i = from; i < to; i++) {
                    int start = Math.max(base, i + 1);
                    if (start >= end || (measure == Measure.EUCLIDEAN && stats[i] == 0f)) {
                        continue;
                    }
                    DotKernel.rowTimesTile(scores, rows, i * d, d, tiles[t]);
                    if (measure == Measure.JACCARD) {
                        jaccard(stats[i], tileStats[t]);
                    } else if (measure == Measure.EUCLIDEAN) {
                        euclidean(stats[i], tileStats[t]);
                    }
                    scan(i, base, start, end);
                }
            }
        }

        private void jaccard(float size, float[] sizes) {
            for (int j = 0; j < scores.length; j++) {
                scores[j] = DenseItemVectors.jaccard(size, sizes[j], scores[j]);
            }
        }

        private void euclidean(float sq, float[] squares) {
            for (int j = 0; j < scores.length; j++) {
                scores[j] = DenseItemVectors.euclidean(sq, squares[j], scores[j]);
            }
        }

        /** Offers the pairs (i, j) for j in [start, end) both ways. */
        private void scan(int i, int base, int start, int end) {
            float[] floors = heaps.floors();
            float rowFloor = floors[i];
            for (int j = start; j < end; j++) {
                float s = scores[j - base];
                if (s >= rowFloor) {
                    heaps.offer(i, j, s);
                    rowFloor = floors[i];
                }
                if (s >= floors[j]) {
                    heaps.offer(j, i, s);
                }
            }
        }
    }
}
