package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Lower bounds of every item's k-th best similarity, cheap to find, so that the all-pairs pass
 * rejects most candidates with one comparison instead of churning the items' heaps. Items are
 * grouped by their most similar of up to 512 random pivot items (a one-step clustering), groups
 * of similar pivots next to each other, which puts similar items near each other; an item's
 * bound is the k-th best exact score among its 2k neighbours in that order. That is the score of real pairs, hence never above the true k-th
 * best: the bounds change how fast the pass runs, never its result.
 */
final class NeighbourFloors {
    private static final int MAX_PIVOTS = 512;

    private NeighbourFloors() {
    }

    /** Per item, a score its k-th best neighbour reaches ({@code Float.MIN_VALUE} when none is known). */
    static float[] of(DenseItemVectors vectors, int k, RandomGenerator random, PluginContext context) {
        int n = vectors.items();
        int[] order = groupedOrder(vectors, k, random, context);
        float[] floors = new float[n];
        int window = Math.min(n - 1, 2 * k);
        context.parallelFor(0, n, (from, to) -> {
            float[] scores = new float[window];
            for (int p = from; p < to; p++) {
                int i = order[p];
                int start = Math.max(0, Math.min(p - window / 2, n - 1 - window));
                int count = 0;
                for (int q = start; q <= start + window; q++) {
                    if (q != p) {
                        scores[count++] = vectors.similarity(i, order[q]);
                    }
                }
                Arrays.sort(scores, 0, count);
                float kth = count >= k ? scores[count - k] : 0f;
                floors[i] = kth > 0f ? kth : Float.MIN_VALUE;
            }
        });
        return floors;
    }

    /** Items ordered by the chain position of their most similar pivot (ties to the lower pivot), then by index. */
    private static int[] groupedOrder(DenseItemVectors vectors, int k, RandomGenerator random, PluginContext context) {
        int n = vectors.items();
        int d = vectors.dims();
        int pivots = Math.max(1, Math.min(MAX_PIVOTS, n / (2 * k)));
        int[] candidates = new int[n];
        for (int i = 0; i < n; i++) {
            candidates[i] = i;
        }
        for (int p = 0; p < pivots; p++) {
            int pick = p + random.nextInt(n - p);
            int t = candidates[p];
            candidates[p] = candidates[pick];
            candidates[pick] = t;
        }
        int width = (pivots + 15) / 16 * 16;
        float[][] tile = new float[d][width];
        float[] rows = vectors.rows();
        for (int p = 0; p < pivots; p++) {
            for (int c = 0; c < d; c++) {
                tile[c][p] = rows[candidates[p] * d + c];
            }
        }
        int[] rank = chain(vectors, candidates, pivots);
        long[] keys = new long[n];
        context.parallelFor(0, n, (from, to) -> {
            float[] dots = new float[width];
            for (int i = from; i < to; i++) {
                DotKernel.rowTimesTile(dots, rows, i * d, d, tile);
                int best = 0;
                float bestScore = Float.NEGATIVE_INFINITY;
                for (int p = 0; p < pivots; p++) {
                    float s = vectors.score(i, candidates[p], dots[p]);
                    if (s > bestScore) {
                        bestScore = s;
                        best = p;
                    }
                }
                keys[i] = ((long) rank[best] << 32) | i;
            }
        });
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = (int) keys[p];
        }
        return order;
    }

    /** Each pivot's position in a greedy chain that always steps to the most similar unvisited pivot. */
    private static int[] chain(DenseItemVectors vectors, int[] candidates, int pivots) {
        int[] rank = new int[pivots];
        boolean[] visited = new boolean[pivots];
        int current = 0;
        for (int position = 0; position < pivots; position++) {
            visited[current] = true;
            rank[current] = position;
            int next = -1;
            float nextScore = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < pivots; p++) {
                if (!visited[p]) {
                    float s = vectors.similarity(candidates[current], candidates[p]);
                    if (next < 0 || s > nextScore) {
                        next = p;
                        nextScore = s;
                    }
                }
            }
            current = next;
        }
        return rank;
    }
}
