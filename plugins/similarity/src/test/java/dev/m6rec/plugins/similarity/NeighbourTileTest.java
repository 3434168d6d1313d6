package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tiles fed users in a shuffled order and merged across candidate ranges give bit-identical lists
 * to the single-machine pass: the contract a {@link ClusterAllPairs} engine relies on.
 */
class NeighbourTileTest {

    @ParameterizedTest
    @EnumSource(Measure.class)
    void tilesMergedOverCandidateRangesEqualTheSingleMachinePass(Measure measure) {
        Interactions train = Fixtures.interactions(23, 60, 50, 0.2);
        SparseItemVectors vectors = SparseItemVectors.build(train, measure, false, 1.5f, 2);
        int k = 4;
        NeighbourLists expected = SparseAllPairs.topK(vectors, k, Fixtures.context(2),
                ProgressReporter.silent().begin("all pairs", 0));
        SparseAllPairsJob job = new SparseAllPairsJob(vectors, k);

        int[] queryBounds = {0, 7, 8, 31, 50};
        int[] candidateBounds = {0, 12, 13, 40, 50};
        long[][] merged = new long[50][];
        for (int qb = 0; qb + 1 < queryBounds.length; qb++) {
            for (int cb = 0; cb + 1 < candidateBounds.length; cb++) {
                long[][] lists = tile(job, queryBounds[qb], queryBounds[qb + 1], candidateBounds[cb],
                        candidateBounds[cb + 1], new SplittableRandom(qb * 10L + cb)).topK();
                for (int li = 0; li < lists.length; li++) {
                    int i = queryBounds[qb] + li;
                    merged[i] = merged[i] == null ? lists[li] : NeighbourTile.merge(merged[i], lists[li], k);
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            job.setNeighbours(i, merged[i]);
            assertThat(job.neighbours(i).items()).as("item %d", i).containsExactly(expected.top(i, k).items());
            assertThat(Arrays.equals(job.neighbours(i).scores(), expected.top(i, k).scores())).as("scores of %d", i)
                    .isTrue();
        }
        assertThat(expected.count(7)).as("the fixture gives lists to compare").isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = Measure.class, names = {"COSINE", "JACCARD"})
    void refusesARowOutsideTheTile(Measure measure) {
        SparseItemVectors vectors = SparseItemVectors.build(Fixtures.interactions(3, 5, 6, 0.5), measure, true, 0, 1);
        NeighbourTile tile = new NeighbourTile(vectors.pairScore(), 2, 0, 3, 3, 6);
        assertThatThrownBy(() -> tile.add(4, new int[] {3}, new float[] {1}, new int[] {4}, new float[] {1}))
                .hasMessage("query item 3 of user 4 is outside the tile");
        assertThatThrownBy(() -> tile.add(4, new int[] {1}, new float[] {1}, new int[] {2}, new float[] {1}))
                .hasMessage("candidate item 2 of user 4 is outside the tile");
    }

    /** A tile fed every user who touched a query item, in a shuffled order, each row cut by the two ranges. */
    private static NeighbourTile tile(SparseAllPairsJob job, int qFrom, int qTo, int cFrom, int cTo,
                                      SplittableRandom random) {
        int users = job.users();
        List<List<int[]>> rows = new ArrayList<>();
        List<List<Float>> values = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            rows.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
        for (int i = 0; i < job.items(); i++) {
            for (int p = job.offsets()[i]; p < job.offsets()[i + 1]; p++) {
                rows.get(job.userIndexes()[p]).add(new int[] {i});
                values.get(job.userIndexes()[p]).add(job.values()[p]);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            order.add(u);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        NeighbourTile tile = new NeighbourTile(job.pairScore(), job.k(), qFrom, qTo, cFrom, cTo);
        for (int u : order) {
            int[] items = rows.get(u).stream().mapToInt(a -> a[0]).toArray();
            float[] vals = new float[items.length];
            for (int e = 0; e < items.length; e++) {
                vals[e] = values.get(u).get(e);
            }
            int[] q = select(items, qFrom, qTo);
            if (q.length > 0) {
                int[] c = select(items, cFrom, cTo);
                // Reversed item order: a tile must not depend on it.
                tile.add(u, reversed(items, q), reversed(vals, q), reversed(items, c), reversed(vals, c));
            }
        }
        return tile;
    }

    private static int[] select(int[] items, int from, int to) {
        return java.util.stream.IntStream.range(0, items.length).filter(e -> items[e] >= from && items[e] < to).toArray();
    }

    private static int[] reversed(int[] all, int[] positions) {
        int[] out = new int[positions.length];
        for (int e = 0; e < positions.length; e++) {
            out[e] = all[positions[positions.length - 1 - e]];
        }
        return out;
    }

    private static float[] reversed(float[] all, int[] positions) {
        float[] out = new float[positions.length];
        for (int e = 0; e < positions.length; e++) {
            out[e] = all[positions[positions.length - 1 - e]];
        }
        return out;
    }
}
