package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.Interactions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both ways of finding an item's co-occurring items (tracking touches, scanning all) give the same lists. */
class SparseAllPairsTest {

    @ParameterizedTest
    @EnumSource(Measure.class)
    void trackingAndScanningAgreeWithEachOtherAndTheReference(Measure measure) throws InterruptedException {
        Interactions train = Fixtures.interactions(41, 45, 70, 0.15);
        SparseItemVectors vectors = SparseItemVectors.build(train, measure, false, 1.5f, 2);
        double[][] reference = BruteForceSimilarity.interactions(train, measure, false, 1.5, 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ParallelChunks parallel = new ParallelChunks(pool, 2);
            NeighbourLists tracked = SparseAllPairs.topK(vectors, 6, parallel, ParallelChunks.NO_PROGRESS, Long.MAX_VALUE);
            NeighbourLists scanned = SparseAllPairs.topK(vectors, 6, parallel, ParallelChunks.NO_PROGRESS, 0);

            for (int i = 0; i < 70; i++) {
                assertThat(scanned.top(i, 6).items()).as("item %d", i).containsExactly(tracked.top(i, 6).items());
                assertThat(scanned.top(i, 6).scores()).as("item %d", i).containsExactly(tracked.top(i, 6).scores());
                for (int r = 0; r < tracked.count(i); r++) {
                    assertThat((double) tracked.score(i, r))
                            .isCloseTo(reference[i][tracked.neighbour(i, r)], org.assertj.core.api.Assertions.within(1e-5));
                }
                assertThat(tracked.count(i)).isEqualTo(BruteForceSimilarity.top(reference, i, 6).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
