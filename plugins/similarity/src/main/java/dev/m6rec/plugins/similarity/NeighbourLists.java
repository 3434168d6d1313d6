package dev.m6rec.plugins.similarity;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import java.util.Arrays;
import java.util.List;

/**
 * The kept neighbours of every item, best first: item {@code i}'s list is
 * {@code neighbours[i*k .. i*k+counts[i])} with matching {@code scores}. Memory is
 * {@code n·k·8} bytes plus {@code 4n}. Immutable once filled.
 */
final class NeighbourLists {
    private final int items;
    private final int k;
    private final int[] neighbours;
    private final float[] scores;
    private final int[] counts;

    NeighbourLists(int items, int k) {
        this(items, k, new int[Math.multiplyExact(items, k)], new float[items * k], new int[items]);
    }

    private NeighbourLists(int items, int k, int[] neighbours, float[] scores, int[] counts) {
        this.items = items;
        this.k = k;
        this.neighbours = neighbours;
        this.scores = scores;
        this.counts = counts;
    }

    int items() {
        return items;
    }

    int k() {
        return k;
    }

    int count(int item) {
        return counts[item];
    }

    int neighbour(int item, int rank) {
        return neighbours[item * k + rank];
    }

    float score(int item, int rank) {
        return scores[item * k + rank];
    }

    /** Sets {@code item}'s list from sort keys already in order (see {@link NeighbourHeaps#key}). */
    void set(int item, long[] sortedKeys, int length) {
        int n = Math.min(length, k);
        int base = item * k;
        for (int r = 0; r < n; r++) {
            neighbours[base + r] = NeighbourHeaps.keyItem(sortedKeys[r]);
            scores[base + r] = NeighbourHeaps.keyScore(sortedKeys[r]);
        }
        counts[item] = n;
    }

    /** At most {@code limit} of {@code item}'s neighbours, best first. */
    ScoredItems top(int item, int limit) {
        int n = Math.max(0, Math.min(limit, counts[item]));
        int base = item * k;
        return new ScoredItems(Arrays.copyOfRange(neighbours, base, base + n), Arrays.copyOfRange(scores, base, base + n));
    }

    /** The lists of {@code items} items merged from the workers' heaps, on the context's threads. */
    static NeighbourLists merged(List<NeighbourHeaps> heaps, int items, int k, PluginContext context) {
        NeighbourLists lists = new NeighbourLists(items, k);
        context.parallelFor(0, items, (from, to) -> lists.merge(heaps, from, to, new long[k * heaps.size()]));
        return lists;
    }

    /** Fills items {@code [from, to)} from the workers' heaps; {@code keys} is scratch of size k·heaps. */
    private void merge(List<NeighbourHeaps> heaps, int from, int to, long[] keys) {
        for (int item = from; item < to; item++) {
            int length = 0;
            for (NeighbourHeaps h : heaps) {
                length = h.appendKeys(item, keys, length);
            }
            Arrays.sort(keys, 0, length);
            set(item, keys, length);
        }
    }

    void save(ArtifactWriter out, String prefix) {
        out.writeInts(prefix + "neighbours.i32", neighbours);
        out.writeFloats(prefix + "scores.f32", scores);
        out.writeInts(prefix + "counts.i32", counts);
    }

    static NeighbourLists load(ArtifactReader in, String prefix, int items, int k) {
        int[] neighbours = in.readInts(prefix + "neighbours.i32");
        float[] scores = in.readFiniteFloats(prefix + "scores.f32");
        int[] counts = in.readInts(prefix + "counts.i32");
        long cells = (long) items * k;
        if (neighbours.length != cells || scores.length != cells || counts.length != items) {
            throw new ArtifactException(in.location() + "/" + prefix + "neighbours.i32: expected " + items + " items x "
                    + k + " neighbours, found " + neighbours.length + " neighbours, " + scores.length + " scores, "
                    + counts.length + " counts");
        }
        for (int i = 0; i < items; i++) {
            if (counts[i] < 0 || counts[i] > k) {
                throw new ArtifactException(in.location() + "/" + prefix + "counts.i32: count " + counts[i] + " of item "
                        + i + " is outside [0, " + k + "]");
            }
            for (int r = 0; r < counts[i]; r++) {
                int j = neighbours[i * k + r];
                if (j < 0 || j >= items) {
                    throw new ArtifactException(in.location() + "/" + prefix + "neighbours.i32: neighbour " + j
                            + " of item " + i + " is outside [0, " + items + ")");
                }
            }
        }
        return new NeighbourLists(items, k, neighbours, scores, counts);
    }
}
