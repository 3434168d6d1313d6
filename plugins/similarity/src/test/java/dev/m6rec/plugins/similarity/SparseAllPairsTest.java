package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.RecordingPluginContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both ways of finding an item's co-occurring items (tracking touches, scanning all) give the same lists. */
class SparseAllPairsTest {

    @ParameterizedTest
    @EnumSource(Measure.class)
    void trackingAndScanningAgreeWithEachOtherAndTheReference(Measure measure) {
        Interactions train = Fixtures.interactions(41, 45, 70, 0.15);
        SparseItemVectors vectors = SparseItemVectors.build(train, measure, false, 1.5f, 2);
        double[][] reference = BruteForceSimilarity.interactions(train, measure, false, 1.5, 2);
        RecordingPluginContext context = Fixtures.context(2);
        ProgressTask silent = ProgressReporter.silent().begin("all pairs", 0);
        NeighbourLists tracked = SparseAllPairs.topK(vectors, 6, context, silent, Long.MAX_VALUE);
        NeighbourLists scanned = SparseAllPairs.topK(vectors, 6, context, silent, 0);

        for (int i = 0; i < 70; i++) {
            assertThat(scanned.top(i, 6).items()).as("item %d", i).containsExactly(tracked.top(i, 6).items());
            assertThat(scanned.top(i, 6).scores()).as("item %d", i).containsExactly(tracked.top(i, 6).scores());
            for (int r = 0; r < tracked.count(i); r++) {
                assertThat((double) tracked.score(i, r))
                        .isCloseTo(reference[i][tracked.neighbour(i, r)], org.assertj.core.api.Assertions.within(1e-5));
            }
            assertThat(tracked.count(i)).isEqualTo(BruteForceSimilarity.top(reference, i, 6).size());
        }
    }
}
