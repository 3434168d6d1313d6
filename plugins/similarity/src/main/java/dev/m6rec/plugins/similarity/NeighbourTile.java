package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One tile of a distributed all-pairs pass: the best {@code k} neighbours that the query items
 * {@code [queryFrom, queryTo)} find among the candidate items {@code [candidateFrom, candidateTo)},
 * from the rows of the users who touched a query item, each cut into its query part and its
 * candidate part. Users may be added in any order; the pass visits them in increasing user order,
 * as {@link SparseAllPairs} does, so every pair's sums, and hence its score, are the same floats as
 * on one machine, and the best {@code k} by (score, lower index) are the same items. An item's
 * lists from all candidate ranges, merged with {@link #merge}, are its single-machine list.
 *
 * <p>Memory: the added rows (growable primitive arrays), accumulators over the candidate range,
 * one heap of {@code k} and the lists of the query items; never anything per pair.
 *
 * <pre>{@code
 * NeighbourTile tile = new NeighbourTile(job.pairScore(), job.k(), 0, 100, 0, 500);
 * tile.add(user, queryItems, queryValues, candidateItems, candidateValues);   // per user
 * long[][] keys = tile.topK();   // keys[i - 0]: item i's list as sorted keys, maybe empty
 * }</pre>
 */
public final class NeighbourTile {
    private final InteractionPairScore pairScore;
    private final int k;
    private final int queryFrom;
    private final int queryTo;
    private final int candidateFrom;
    private final int candidateTo;
    private int rows;
    private int[] rowUsers = new int[16];
    /** Row r's query part is {@code queryItems[queryStarts[r] .. queryStarts[r+1])}; likewise its candidate part. */
    private int[] queryStarts = new int[17];
    private int[] candidateStarts = new int[17];
    private int[] queryItems = new int[64];
    private float[] queryValues = new float[64];
    private int[] candidateItems = new int[64];
    private float[] candidateValues = new float[64];

    public NeighbourTile(InteractionPairScore pairScore, int k, int queryFrom, int queryTo, int candidateFrom,
                         int candidateTo) {
        this.pairScore = requireNonNull(pairScore, "pairScore is null");
        if (k < 1 || queryFrom > queryTo || candidateFrom > candidateTo || queryFrom < 0 || candidateFrom < 0) {
            throw new IllegalArgumentException("bad tile: k=" + k + ", query [" + queryFrom + ", " + queryTo
                    + "), candidates [" + candidateFrom + ", " + candidateTo + ")");
        }
        this.k = k;
        this.queryFrom = queryFrom;
        this.queryTo = queryTo;
        this.candidateFrom = candidateFrom;
        this.candidateTo = candidateTo;
    }

    /**
     * Adds one user's row, cut into the entries of query items and those of candidate items (the
     * same entry may be in both), each in any item order; a user is added at most once per tile.
     */
    public void add(int user, int[] queryItems, float[] queryValues, int[] candidateItems, float[] candidateValues) {
        if (rows + 1 == rowUsers.length) {
            rowUsers = Arrays.copyOf(rowUsers, rowUsers.length * 2);
            queryStarts = Arrays.copyOf(queryStarts, rowUsers.length + 1);
            candidateStarts = Arrays.copyOf(candidateStarts, rowUsers.length + 1);
        }
        rowUsers[rows] = user;
        int q = queryStarts[rows];
        int c = candidateStarts[rows];
        this.queryItems = grow(this.queryItems, q + queryItems.length);
        this.queryValues = grow(this.queryValues, q + queryItems.length);
        this.candidateItems = grow(this.candidateItems, c + candidateItems.length);
        this.candidateValues = grow(this.candidateValues, c + candidateItems.length);
        for (int e = 0; e < queryItems.length; e++) {
            int item = queryItems[e];
            if (item < queryFrom || item >= queryTo) {
                throw new IllegalArgumentException("query item " + item + " of user " + user + " is outside the tile");
            }
            this.queryItems[q + e] = item;
            this.queryValues[q + e] = queryValues[e];
        }
        for (int e = 0; e < candidateItems.length; e++) {
            int item = candidateItems[e];
            if (item < candidateFrom || item >= candidateTo) {
                throw new IllegalArgumentException("candidate item " + item + " of user " + user + " is outside the tile");
            }
            this.candidateItems[c + e] = item;
            this.candidateValues[c + e] = candidateValues[e];
        }
        rows++;
        queryStarts[rows] = q + queryItems.length;
        candidateStarts[rows] = c + candidateItems.length;
    }

    /** Each query item's best {@code k} in this tile as sort keys ({@link NeighbourHeaps#key}), best first. */
    public long[][] topK() {
        int queries = queryTo - queryFrom;
        int width = candidateTo - candidateFrom;
        // The query items' columns in increasing user order: rows sorted by user, then transposed.
        long[] byUser = new long[rows];
        for (int r = 0; r < rows; r++) {
            byUser[r] = ((long) rowUsers[r] << 32) | r;
        }
        Arrays.sort(byUser);
        int[] columnStarts = new int[queries + 1];
        for (int e = 0; e < queryStarts[rows]; e++) {
            columnStarts[queryItems[e] - queryFrom + 1]++;
        }
        for (int i = 0; i < queries; i++) {
            columnStarts[i + 1] += columnStarts[i];
        }
        int[] fill = Arrays.copyOf(columnStarts, queries);
        int[] columnRows = new int[queryStarts[rows]];
        float[] columnValues = new float[queryStarts[rows]];
        for (long key : byUser) {
            int r = (int) key;
            for (int e = queryStarts[r]; e < queryStarts[r + 1]; e++) {
                int p = fill[queryItems[e] - queryFrom]++;
                columnRows[p] = r;
                columnValues[p] = queryValues[e];
            }
        }
        boolean dots = pairScore.usesDots();
        boolean squares = pairScore.measure().usesCommonSquares();
        Accumulators sums = new Accumulators(width, dots, squares);
        NeighbourHeaps heap = new NeighbourHeaps(1, k);
        long[] keys = new long[k];
        long[][] lists = new long[queries][];
        for (int li = 0; li < queries; li++) {
            int i = queryFrom + li;
            int touched = 0;
            for (int p = columnStarts[li]; p < columnStarts[li + 1]; p++) {
                int r = columnRows[p];
                float x = columnValues[p];
                float xx = x * x;
                for (int c = candidateStarts[r]; c < candidateStarts[r + 1]; c++) {
                    int j = candidateItems[c] - candidateFrom;
                    float y = candidateValues[c];
                    if (dots) {
                        sums.dots[j] += x * y;
                    }
                    if (squares) {
                        sums.squaresOwn[j] += xx;
                        sums.squaresOther[j] += y * y;
                    }
                    if (sums.commons[j]++ == 0) {
                        sums.touched[touched++] = j;
                    }
                }
            }
            for (int t = 0; t < touched; t++) {
                consider(i, sums.touched[t], sums, heap);
            }
            int length = heap.appendKeys(0, keys, 0);
            Arrays.sort(keys, 0, length);
            lists[li] = Arrays.copyOf(keys, length);
            heap.clear(0);
        }
        return lists;
    }

    /** As SparseAllPairs' worker: scores (i, j) with the arguments in (lower, higher) order, offers it, resets j. */
    private void consider(int i, int local, Accumulators sums, NeighbourHeaps heap) {
        int j = candidateFrom + local;
        if (j != i) {
            float dot = sums.dots.length > 0 ? sums.dots[local] : 0f;
            float own = sums.squaresOwn.length > 0 ? sums.squaresOwn[local] : 0f;
            float other = sums.squaresOther.length > 0 ? sums.squaresOther[local] : 0f;
            int common = sums.commons[local];
            float s = i < j ? pairScore.score(i, j, dot, own, other, common)
                    : pairScore.score(j, i, dot, other, own, common);
            if (s >= heap.floors()[0]) {
                heap.offer(0, j, s);
            }
        }
        sums.commons[local] = 0;
        if (sums.dots.length > 0) {
            sums.dots[local] = 0f;
        }
        if (sums.squaresOwn.length > 0) {
            sums.squaresOwn[local] = 0f;
            sums.squaresOther[local] = 0f;
        }
    }

    /**
     * The best {@code k} of two lists of sort keys, each sorted and free of the other's items (they
     * come from disjoint candidate ranges); the result is sorted.
     */
    public static long[] merge(long[] a, long[] b, int k) {
        long[] out = new long[Math.min(k, a.length + b.length)];
        int p = 0;
        int q = 0;
        for (int r = 0; r < out.length; r++) {
            out[r] = q >= b.length || (p < a.length && a[p] < b[q]) ? a[p++] : b[q++];
        }
        return out;
    }

    private static int[] grow(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    private static float[] grow(float[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /** Per-candidate sums of the query item being scored, and the candidates it touched. */
    private static final class Accumulators {
        final float[] dots;
        final float[] squaresOwn;
        final float[] squaresOther;
        final int[] commons;
        final int[] touched;

        Accumulators(int width, boolean dots, boolean squares) {
            this.dots = new float[dots ? width : 0];
            this.squaresOwn = new float[squares ? width : 0];
            this.squaresOther = new float[squares ? width : 0];
            this.commons = new int[width];
            this.touched = new int[width];
        }
    }
}
