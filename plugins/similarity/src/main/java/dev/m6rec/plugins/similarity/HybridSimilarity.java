package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.util.Arrays;
import java.util.List;

/**
 * A weighted blend of sources: {@code similarity(a, b) = Σ_s w_s · sim_s(a, b)}, summed in
 * {@link Source} order. An item's blended neighbours are chosen among the union of its
 * neighbours in every source, each candidate scored with the full blend (on demand where a
 * source did not keep it), so blended scores equal {@link #similarity} exactly.
 */
final class HybridSimilarity implements PairSimilarity {
    private final List<Source> sources;
    private final float[] weights;
    private final PairSimilarity[] parts;

    HybridSimilarity(List<Source> sources, float[] weights, PairSimilarity[] parts) {
        if (sources.size() != weights.length || weights.length != parts.length || parts.length == 0) {
            throw new IllegalArgumentException("sources, weights and parts differ in length");
        }
        for (PairSimilarity part : parts) {
            if (part.items() != parts[0].items()) {
                throw new IllegalArgumentException("sources cover different numbers of items");
            }
        }
        this.sources = List.copyOf(sources);
        this.weights = weights.clone();
        this.parts = parts.clone();
    }

    @Override
    public int items() {
        return parts[0].items();
    }

    @Override
    public float similarity(int a, int b) {
        float s = 0f;
        for (int p = 0; p < parts.length; p++) {
            s += weights[p] * parts[p].similarity(a, b);
        }
        return s;
    }

    @Override
    public void save(ArtifactWriter out, String prefix) {
        for (int p = 0; p < parts.length; p++) {
            parts[p].save(out, prefix + sources.get(p).label() + ".");
        }
    }

    /** The blended top-{@code k} of every item from the sources' own lists ({@code partLists[p]} for part p). */
    NeighbourLists blend(NeighbourLists[] partLists, int k, PluginContext context, ProgressTask progress) {
        NeighbourLists lists = new NeighbourLists(items(), k);
        ChunkWorkers.run(context, items(), () -> new Blender(partLists, lists), progress);
        return lists;
    }

    /** Per-worker scratch: candidate marks, per-part scores of the candidates, sort keys. */
    private final class Blender implements RangeBody {
        private final NeighbourLists[] partLists;
        private final NeighbourLists out;
        private final int[] marks;
        private final int[] candidates;
        private final float[][] known;
        private final long[] keys;

        Blender(NeighbourLists[] partLists, NeighbourLists out) {
            this.partLists = partLists;
            this.out = out;
            int width = 0;
            for (NeighbourLists l : partLists) {
                width += l.k();
            }
            marks = new int[items()];
            Arrays.fill(marks, -1);
            candidates = new int[width];
            known = new float[parts.length][width];
            keys = new long[width];
        }

        @Override
        public void run(int from, int to) {
            for (int i = from; i < to; i++) {
                int count = 0;
                for (int p = 0; p < parts.length; p++) {
                    for (int r = 0; r < partLists[p].count(i); r++) {
                        int j = partLists[p].neighbour(i, r);
                        if (marks[j] < 0) {
                            marks[j] = count;
                            candidates[count] = j;
                            for (float[] row : known) {
                                row[count] = Float.NaN;
                            }
                            count++;
                        }
                        known[p][marks[j]] = partLists[p].score(i, r);
                    }
                }
                int kept = 0;
                for (int c = 0; c < count; c++) {
                    int j = candidates[c];
                    marks[j] = -1;
                    float s = 0f;
                    for (int p = 0; p < parts.length; p++) {
                        float part = known[p][c];
                        s += weights[p] * (Float.isNaN(part) ? parts[p].similarity(i, j) : part);
                    }
                    if (s > 0f) {
                        keys[kept++] = NeighbourHeaps.key(j, s);
                    }
                }
                Arrays.sort(keys, 0, kept);
                out.set(i, keys, kept);
            }
        }
    }
}
