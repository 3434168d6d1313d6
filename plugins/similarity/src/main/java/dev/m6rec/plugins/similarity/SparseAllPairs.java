package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import java.util.Arrays;

/**
 * Exact all-pairs top-k over interaction vectors without an n×n matrix. For each item {@code i}
 * a worker walks the users who touched it and, through each user's row of items, every item
 * {@code j} they also touched, accumulating the pair's sums on primitive arrays indexed by
 * {@code j}; then it scores the touched items (from a list of first touches, or by scanning all
 * items when the users touch a good part of the catalogue) and keeps the best {@code k} in a
 * bounded heap that stays in cache. Work is {@code Σ_u deg(u)²}; memory per worker is O(n).
 * Each item's list is written by the one worker that owns the item.
 *
 * <p>Both items of a pair get the same float: the common users are visited in increasing user
 * order from either side and the pair formula takes its arguments in (lower, higher) order.
 */
final class SparseAllPairs {
    /** An item whose pass makes at least n / SCAN_RATIO updates scans all items instead of tracking touches. */
    private static final int SCAN_RATIO = 4;

    private final SparseItemVectors vectors;
    private final NeighbourLists lists;
    /** Users' rows: items {@code userItems[userOffsets[u] .. userOffsets[u+1])}, increasing. */
    private final int[] userOffsets;
    private final int[] userItems;
    private final float[] userValues;
    /** Per item, the number of accumulator updates its pass makes: the sum of its users' degrees. */
    private final long[] updates;
    /** Items with fewer updates than this track their touches. */
    private final long trackBelow;

    private SparseAllPairs(SparseItemVectors vectors, int k, long trackBelow) {
        this.vectors = vectors;
        this.trackBelow = trackBelow;
        this.lists = new NeighbourLists(vectors.items(), k);
        int[] offsets = vectors.offsets();
        int[] users = vectors.userIndexes();
        float[] values = vectors.values();
        int m = vectors.users();
        userOffsets = new int[m + 1];
        for (int u : users) {
            userOffsets[u + 1]++;
        }
        for (int u = 0; u < m; u++) {
            userOffsets[u + 1] += userOffsets[u];
        }
        int[] fill = Arrays.copyOf(userOffsets, m);
        userItems = new int[users.length];
        userValues = new float[users.length];
        updates = new long[vectors.items()];
        for (int i = 0; i < vectors.items(); i++) {
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int q = fill[users[p]]++;
                userItems[q] = i;
                userValues[q] = values[p];
                updates[i] += userOffsets[users[p] + 1] - userOffsets[users[p]];
            }
        }
    }

    /** The top-{@code k} lists of every item, computed on the context's threads. */
    static NeighbourLists topK(SparseItemVectors vectors, int k, PluginContext context, ProgressTask progress) {
        return topK(vectors, k, context, progress, (vectors.items() + SCAN_RATIO - 1) / SCAN_RATIO);
    }

    /** As {@link #topK(SparseItemVectors, int, PluginContext, ProgressTask)}; tests force either path. */
    static NeighbourLists topK(SparseItemVectors vectors, int k, PluginContext context, ProgressTask progress,
                               long trackBelow) {
        SparseAllPairs pass = new SparseAllPairs(vectors, k, trackBelow);
        ChunkWorkers.run(context, vectors.items(), pass::newWorker, progress);
        return pass.lists;
    }

    private Worker newWorker() {
        return new Worker();
    }

    /**
     * One worker's accumulators, dense over items, and its heap. Items whose users touch few
     * other items record each first touch in a list and visit only those; items whose users
     * touch a good part of the catalogue skip that bookkeeping (a dependency chain through
     * memory on every update) and scan all items afterwards.
     */
    private final class Worker implements RangeBody {
        private final NeighbourHeaps heap;
        private final long[] keys;
        private final float[] dots;
        private final float[] squaresOwn;
        private final float[] squaresOther;
        private final int[] commons;
        private final int[] touched;

        Worker() {
            int n = vectors.items();
            boolean squares = vectors.measure().usesCommonSquares();
            heap = new NeighbourHeaps(1, lists.k());
            keys = new long[lists.k()];
            dots = new float[vectors.measure() == Measure.JACCARD ? 0 : n];
            squaresOwn = new float[squares ? n : 0];
            squaresOther = new float[squares ? n : 0];
            commons = new int[n];
            // One spare slot: the branch-free loops store before they know whether to count.
            touched = new int[n + 1];
        }

        @Override
        public void run(int from, int to) {
            int n = vectors.items();
            for (int i = from; i < to; i++) {
                boolean track = updates[i] < trackBelow;
                int count = switch (vectors.measure()) {
                    case JACCARD -> countCommon(i, track);
                    case PEARSON, ADJUSTED_COSINE -> accumulateWithSquares(i, track);
                    default -> accumulateDots(i, track);
                };
                if (track) {
                    for (int t = 0; t < count; t++) {
                        consider(i, touched[t]);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        if (commons[j] != 0) {
                            consider(i, j);
                        }
                    }
                }
                int length = heap.appendKeys(0, keys, 0);
                Arrays.sort(keys, 0, length);
                lists.set(i, keys, length);
                heap.clear(0);
            }
        }

        // In the loops below "track" is loop-invariant, so the JIT compiles a version without it.

        private int countCommon(int i, boolean track) {
            int[] offsets = vectors.offsets();
            int[] users = vectors.userIndexes();
            int count = 0;
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int u = users[p];
                for (int q = userOffsets[u], end = userOffsets[u + 1]; q < end; q++) {
                    int j = userItems[q];
                    int before = commons[j];
                    commons[j] = before + 1;
                    if (track) {
                        // Branch-free: a first touch is unpredictable, so store j always and count it only then.
                        touched[count] = j;
                        count += (before - 1) >>> 31;
                    }
                }
            }
            return count;
        }

        private int accumulateDots(int i, boolean track) {
            int[] offsets = vectors.offsets();
            int[] users = vectors.userIndexes();
            float[] values = vectors.values();
            int count = 0;
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                float x = values[p];
                int u = users[p];
                for (int q = userOffsets[u], end = userOffsets[u + 1]; q < end; q++) {
                    int j = userItems[q];
                    dots[j] += x * userValues[q];
                    int before = commons[j];
                    commons[j] = before + 1;
                    if (track) {
                        touched[count] = j;
                        count += (before - 1) >>> 31;
                    }
                }
            }
            return count;
        }

        private int accumulateWithSquares(int i, boolean track) {
            int[] offsets = vectors.offsets();
            int[] users = vectors.userIndexes();
            float[] values = vectors.values();
            int count = 0;
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                float x = values[p];
                float xx = x * x;
                int u = users[p];
                for (int q = userOffsets[u], end = userOffsets[u + 1]; q < end; q++) {
                    int j = userItems[q];
                    float y = userValues[q];
                    dots[j] += x * y;
                    squaresOwn[j] += xx;
                    squaresOther[j] += y * y;
                    int before = commons[j];
                    commons[j] = before + 1;
                    if (track) {
                        touched[count] = j;
                        count += (before - 1) >>> 31;
                    }
                }
            }
            return count;
        }

        /** Scores the pair (i, j) if j is another item, offers it to the heap and resets j's sums. */
        private void consider(int i, int j) {
            boolean withDots = dots.length > 0;
            boolean withSquares = squaresOwn.length > 0;
            if (j != i) {
                float dot = withDots ? dots[j] : 0f;
                float own = withSquares ? squaresOwn[j] : 0f;
                float other = withSquares ? squaresOther[j] : 0f;
                float s = i < j ? vectors.score(i, j, dot, own, other, commons[j])
                        : vectors.score(j, i, dot, other, own, commons[j]);
                if (s >= heap.floors()[0]) {
                    heap.offer(0, j, s);
                }
            }
            commons[j] = 0;
            if (withDots) {
                dots[j] = 0f;
            }
            if (withSquares) {
                squaresOwn[j] = 0f;
                squaresOther[j] = 0f;
            }
        }
    }
}
