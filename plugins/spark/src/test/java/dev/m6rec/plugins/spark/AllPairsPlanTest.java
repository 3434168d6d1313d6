package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.plugins.similarity.SparseAllPairsJob;
import org.junit.jupiter.api.Test;

/** Tiles cover every item once, are never empty, and balance the work they are cut by. */
class AllPairsPlanTest {

    @Test
    void balancedBlocksAreContiguousNonEmptyAndNearEqualInWeight() {
        long[] weights = {50, 1, 1, 1, 1, 1, 1, 1, 20, 20, 1, 1};
        assertThat(AllPairsPlan.balanced(weights, 3)).containsExactly(0, 1, 9, 12);
        assertThat(AllPairsPlan.balanced(weights, 20)).as("at most one block per item").hasSize(13)
                .isSorted().doesNotHaveDuplicates();
        assertThat(AllPairsPlan.balanced(new long[] {0, 0, 0, 0}, 2)).containsExactly(0, 2, 4);
        assertThat(AllPairsPlan.balanced(new long[0], 4)).containsExactly(0, 0);
        int[] bounds = {0, 1, 9, 12};
        assertThat(AllPairsPlan.blockOf(bounds, 0)).isZero();
        assertThat(AllPairsPlan.blockOf(bounds, 1)).isEqualTo(1);
        assertThat(AllPairsPlan.blockOf(bounds, 8)).isEqualTo(1);
        assertThat(AllPairsPlan.blockOf(bounds, 11)).isEqualTo(2);
    }

    @Test
    void automaticPlanGivesTwoQueryBlocksPerCoreAndOneCandidateBlockForSmallData() {
        SparseAllPairsJob job = SparseAllPairsJob.of(SparkAllPairsTest.skewedRatings(5), "cosine", false, 0, 1, 4);
        AllPairsPlan plan = AllPairsPlan.automatic(job, 2);
        assertThat(plan.queryBlocks()).isEqualTo(4);
        assertThat(plan.candidateBlocks()).isEqualTo(1);
        assertThat(plan.candidateBounds()).containsExactly(0, job.items());
        long[] volumes = AllPairsPlan.rowVolumes(job, plan.queryBounds());
        // Every entry of a user who touched a block's items goes to that block; user 0 touches every block.
        assertThat(java.util.Arrays.stream(volumes).boxed().toList()).hasSize(4).allMatch(v -> v > 0)
                .allMatch(v -> v <= job.userIndexes().length);
    }
}
