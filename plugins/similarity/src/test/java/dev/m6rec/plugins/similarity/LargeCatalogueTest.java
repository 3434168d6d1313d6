package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100,000 items with top-50 lists under the module's small test heap (-Xmx768m, see the pom):
 * an n×n float matrix alone would need 40 GB, so this fails if anything quadratic is allocated.
 */
class LargeCatalogueTest {

    @Test
    void hundredThousandItemsKeepExactTopFiftyListsInASmallHeap() {
        int items = 100_000;
        int users = 20_000;
        SplittableRandom rng = new SplittableRandom(99);
        Interactions.Builder b = Interactions.builder(users, items, true, false);
        for (int u = 0; u < users; u++) {
            int count = 5 + rng.nextInt(25);
            for (int c = 0; c < count; c++) {
                // Skewed popularity: low indexes are popular.
                int item = (int) (items * Math.pow(rng.nextDouble(), 2.5));
                b.add(u, item, 1 + rng.nextInt(5), 0);
            }
        }
        RecordingPluginContext context = Fixtures.context(2);
        Interactions train = b.build();
        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of(),
                Fixtures.input(train, FeatureMatrix.empty(items), null), context);

        int full = 0;
        for (int i = 0; i < items; i += 97) {
            full += model.neighbours(i, 50).size() == 50 ? 1 : 0;
        }
        assertThat(full).isGreaterThan(100);
        // Exact check for a few items: scan every other item with the on-demand similarity.
        for (int i : new int[] {0, 1, 17, 5_000, 42_424, 99_999}) {
            float[] scores = new float[items];
            for (int j = 0; j < items; j++) {
                scores[j] = j == i ? Float.NaN : model.similarity(i, j) > 0 ? model.similarity(i, j) : Float.NaN;
            }
            ScoredItems expected = ScoredItems.topK(scores, 50, null);
            ScoredItems got = model.neighbours(i, 50);
            assertThat(got.items()).as("neighbours of %d", i).containsExactly(expected.items());
            assertThat(got.scores()).as("scores of %d", i).containsExactly(expected.scores());
        }
    }
}
