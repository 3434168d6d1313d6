package dev.m6rec.core.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dot product of the HNSW scores, in four running sums: every width, offsets on both sides. */
class CosineVectorsTest {
    @Test
    void dotProductEqualsTheOneSumProductAtEveryWidthAndOffset() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] a = new float[40];
        float[] b = new float[40];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
            b[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (int n = 0; n <= 9; n++) {
            double plain = 0;
            for (int c = 0; c < n; c++) {
                plain += (double) a[5 + c] * b[11 + c];
            }
            assertThat(CosineVectors.dot(a, 5, b, 11, n)).as("width " + n).isCloseTo((float) plain, within(1e-5f));
        }
        assertThat(CosineVectors.dot(a, 0, b, 0, 0)).isZero();
    }

    @Test
    void scoresAreCosinesAndAZeroRowScoresZero() throws Exception {
        float[] rows = {3, 4, 0, 0, 0, 0, 1, 1};   // rows (3, 4), (0, 0), (0, 0), (1, 1)
        CosineVectors vectors = new CosineVectors(rows, 2);
        float[] query = {6, 8};
        float queryInverseNorm = CosineVectors.inverseNorm(query);
        assertThat(queryInverseNorm).isCloseTo(0.1f, within(1e-7f));
        assertThat(vectors.cosine(query, queryInverseNorm, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(vectors.cosine(query, queryInverseNorm, 1)).isZero();
        assertThat(vectors.cosine(query, queryInverseNorm, 3)).isCloseTo((float) (14 / (10 * Math.sqrt(2))), within(1e-6f));
        assertThat(CosineVectors.inverseNorm(new float[2])).isZero();
        var builderScorer = vectors.scorer(0);   // row against row, as the graph builder asks
        assertThat(builderScorer.score(3)).isCloseTo((float) (7 / (5 * Math.sqrt(2))), within(1e-6f));
        assertThat(builderScorer.score(2)).isZero();
    }
}
