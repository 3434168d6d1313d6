package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.ScoredItems;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a fitted model against reference similarities. */
final class NeighbourAssertions {
    static final double TOLERANCE = 1e-5;

    private NeighbourAssertions() {
    }

    /**
     * The model's top-k of every item equals the reference up to ties: the same score sequence,
     * correct scores for the items returned, and nothing left out that scores clearly higher than
     * the last item kept. Also checks every pair's on-demand similarity and its symmetry.
     */
    static void assertAgree(NeighbourSimilarityModel model, double[][] reference, int k) {
        int n = reference.length;
        for (int i = 0; i < n; i++) {
            ScoredItems got = model.neighbours(i, k);
            List<Integer> expected = BruteForceSimilarity.top(reference, i, k);
            assertThat(got.size()).as("item %d keeps at most k", i).isLessThanOrEqualTo(k);
            Set<Integer> kept = new HashSet<>();
            for (int r = 0; r < got.size(); r++) {
                int j = got.item(r);
                assertThat(j).as("item %d is not its own neighbour", i).isNotEqualTo(i);
                assertThat(kept.add(j)).as("item %d lists %d once", i, j).isTrue();
                assertThat(got.score(r)).as("score of %d for %d", j, i).isPositive()
                        .isCloseTo((float) reference[i][j], within((float) TOLERANCE));
                if (r > 0) {
                    assertThat(got.score(r)).isLessThanOrEqualTo(got.score(r - 1));
                }
                double expectedScore = r < expected.size() ? reference[i][expected.get(r)] : 0;
                assertThat((double) got.score(r)).as("rank %d of item %d", r, i).isCloseTo(expectedScore, within(TOLERANCE));
            }
            double last = got.size() == k ? got.score(k - 1) : 0;
            for (int j = 0; j < n; j++) {
                if (j != i && !kept.contains(j) && reference[i][j] > last + TOLERANCE) {
                    throw new AssertionError("item " + i + " left out " + j + " with similarity " + reference[i][j]
                            + " above its last kept score " + last);
                }
            }
        }
        // Plain checks per pair (AssertJ per pair would dominate the run time); the first failure is reported.
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                float s = model.similarity(a, b);
                float back = model.similarity(b, a);
                if (Float.isNaN(s) || Float.floatToRawIntBits(s) != Float.floatToRawIntBits(back)
                        || (a != b && Math.abs(s - reference[a][b]) > TOLERANCE)) {
                    throw new AssertionError("similarity(" + a + ", " + b + ") = " + s + ", reversed " + back
                            + ", reference " + reference[a][b]);
                }
            }
        }
    }

    /** Every kept neighbour's stored score is exactly the on-demand similarity. */
    static void assertStoredEqualsOnDemand(NeighbourSimilarityModel model, int n, int k) {
        for (int i = 0; i < n; i++) {
            ScoredItems got = model.neighbours(i, k);
            for (int r = 0; r < got.size(); r++) {
                assertThat(model.similarity(i, got.item(r))).as("stored score of (%d, %d)", i, got.item(r))
                        .isEqualTo(got.score(r));
            }
        }
    }

    /** Two models give bit-identical neighbours and similarities. */
    static void assertSameModel(NeighbourSimilarityModel a, NeighbourSimilarityModel b, int n, int k) {
        for (int i = 0; i < n; i++) {
            ScoredItems x = a.neighbours(i, k);
            ScoredItems y = b.neighbours(i, k);
            assertThat(y.items()).as("neighbours of %d", i).containsExactly(x.items());
            assertThat(Arrays.equals(y.scores(), x.scores())).as("scores of %d", i).isTrue();
            for (int j = 0; j < n; j++) {
                assertThat(Float.floatToRawIntBits(b.similarity(i, j))).as("similarity(%d, %d)", i, j)
                        .isEqualTo(Float.floatToRawIntBits(a.similarity(i, j)));
            }
        }
    }
}
