package dev.m6rec.plugins.spark;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Turns a partition of entries sorted by {@code (user, item)} into the slices the tiles receive:
 * for each user's row, one {@link UserSlice} per tile whose query block the row touches and whose
 * candidate block holds part of the row, keyed by the tile's number. Reads one row at a time.
 *
 * <p>What it costs: a row of degree {@code d} is sent once for each query block it touches, at most
 * {@code min(d, queryBlocks)} times, each copy cut over the candidate blocks, plus its query part
 * once more per further candidate block. So the tile shuffle carries at most
 * {@code Σ_u d_u · min(d_u, queryBlocks) + nnz · (candidateBlocks - 1)} entries: heavy users are
 * duplicated no more than there are query blocks, and never more than the {@code Σ d_u²} updates of
 * the pass itself. Fewer query blocks shuffle less; more spread the work and bound each tile's output.
 */
final class UserRowSlicer implements Iterator<Tuple2<Integer, UserSlice>> {
    private final AllPairsPlan plan;
    private final Iterator<Tuple2<Long, Float>> entries;
    private final ArrayDeque<Tuple2<Integer, UserSlice>> ready = new ArrayDeque<>();
    private Tuple2<Long, Float> pending;
    private int[] items = new int[64];
    private float[] values = new float[64];

    UserRowSlicer(AllPairsPlan plan, Iterator<Tuple2<Long, Float>> entries) {
        this.plan = plan;
        this.entries = entries;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && (pending != null || entries.hasNext())) {
            sliceNextRow();
        }
        return !ready.isEmpty();
    }

    @Override
    public Tuple2<Integer, UserSlice> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void sliceNextRow() {
        Tuple2<Long, Float> first = pending != null ? pending : entries.next();
        pending = null;
        int user = (int) (first._1() >>> 32);
        int length = 0;
        Tuple2<Long, Float> entry = first;
        while (true) {
            if (length == items.length) {
                items = Arrays.copyOf(items, length * 2);
                values = Arrays.copyOf(values, length * 2);
            }
            items[length] = (int) (long) entry._1();
            values[length] = entry._2();
            length++;
            if (!entries.hasNext()) {
                break;
            }
            entry = entries.next();
            if ((int) (entry._1() >>> 32) != user) {
                pending = entry;
                break;
            }
        }
        int[] queryBounds = plan.queryBounds();
        int[] candidateBounds = plan.candidateBounds();
        for (int q = 0; q < length; ) {
            int queryBlock = AllPairsPlan.blockOf(queryBounds, items[q]);
            int qEnd = segmentEnd(q, length, queryBounds[queryBlock + 1]);
            for (int c = 0; c < length; ) {
                int candidateBlock = AllPairsPlan.blockOf(candidateBounds, items[c]);
                int cEnd = segmentEnd(c, length, candidateBounds[candidateBlock + 1]);
                ready.add(new Tuple2<>(queryBlock * plan.candidateBlocks() + candidateBlock, new UserSlice(user,
                        Arrays.copyOfRange(items, q, qEnd), Arrays.copyOfRange(values, q, qEnd),
                        Arrays.copyOfRange(items, c, cEnd), Arrays.copyOfRange(values, c, cEnd))));
                c = cEnd;
            }
            q = qEnd;
        }
    }

    /** The end of the run of the row's items from {@code from} that lie below {@code bound}. */
    private int segmentEnd(int from, int length, int bound) {
        int end = from;
        while (end < length && items[end] < bound) {
            end++;
        }
        return end;
    }
}
