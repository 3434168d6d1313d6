package dev.m6rec.plugins.dl4j.easedae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.vae.MultiHot;
import org.junit.jupiter.api.Test;

class ItemRegressionTest {
    /** Four users over four items; user 3 repeats item 2, which counts once. */
    private static final MultiHot HISTORIES = MultiHot.of(new SparseRows(4, 4, new int[] {0, 2, 5, 7, 10},
            new int[] {0, 1, 0, 1, 2, 1, 2, 2, 3, 2}, new int[10]), 4);

    @Test
    void gramCountsCoOccurrencesOfTheKeptUsers() {
        double[] all = ItemRegression.gram(HISTORIES, 4, null);
        assertThat(all).containsExactly(
                2, 2, 1, 0,
                2, 3, 2, 0,
                1, 2, 3, 1,
                0, 0, 1, 1);
        double[] firstTwo = ItemRegression.gram(HISTORIES, 4, new boolean[] {true, true, false, false});
        assertThat(firstTwo[1 * 4 + 2]).isEqualTo(1);
        assertThat(firstTwo[3 * 4 + 3]).isZero();
    }

    @Test
    void weightsSolveEasesConstrainedRegression() {
        // EASE's optimum has a zero diagonal and (G + lambda I) B equal to G off the diagonal.
        double lambda = 0.5;
        double[] g = ItemRegression.gram(HISTORIES, 4, null);
        float[] b = ItemRegression.weights(g, 4, lambda);
        for (int i = 0; i < 4; i++) {
            assertThat(b[i * 4 + i]).isZero();
            for (int j = 0; j < 4; j++) {
                if (i == j) {
                    continue;
                }
                double product = 0;
                for (int k = 0; k < 4; k++) {
                    product += (g[i * 4 + k] + (i == k ? lambda : 0)) * b[k * 4 + j];
                }
                assertThat(product).as("(%d, %d)", i, j).isCloseTo(g[i * 4 + j], within(1e-5));
            }
        }
    }

    @Test
    void scoresSumTheHistorysRows() {
        float[] b = {0, 1, 2, 3, 4, 0, 6, 7, 8, 9, 0, 11, 12, 13, 14, 0};
        float[] out = new float[6];
        out[1] = 100;
        ItemRegression.scores(b, 4, new int[] {9, 0, 2}, 1, 3, out, 2);
        assertThat(out).containsExactly(0, 100, 8, 10, 2, 14);
    }
}
