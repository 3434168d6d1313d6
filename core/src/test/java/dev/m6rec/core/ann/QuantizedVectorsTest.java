package dev.m6rec.core.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantizedVectorsTest {
    @Test
    void aRowsCodeScoreIsItsCosineToWithinTwoHundredthsAndAZeroRowScoresZero() {
        int n = 500;
        int d = 13;   // not a multiple of the four running sums
        SplittableRandom random = new SplittableRandom(3);
        float[] data = new float[n * d];
        for (int i = 1; i < n; i++) {   // row 0 stays zero
            double scale = Math.exp(4 * random.nextDouble() - 2);   // lengths over two orders of magnitude
            for (int c = 0; c < d; c++) {
                data[i * d + c] = (float) (scale * random.nextGaussian());
            }
        }
        CosineVectors rows = new CosineVectors(data, d);
        QuantizedVectors codes = new QuantizedVectors(data, d, rows.inverseNorms());
        for (int q = 0; q < 20; q++) {
            float[] query = new float[d];
            for (int c = 0; c < d; c++) {
                query[c] = (float) random.nextGaussian();
            }
            float inverse = CosineVectors.inverseNorm(query);
            float[] weights = codes.weights(query, inverse);
            assertThat(codes.score(weights, 0)).isZero();
            for (int i = 1; i < n; i++) {
                assertThat(codes.score(weights, i)).isCloseTo(rows.cosine(query, inverse, i), within(0.02f));
            }
        }
        assertThat(codes.bytes()).isEqualTo((long) n * d + d * Float.BYTES);
    }
}
