package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YeoJohnsonTransformTest {

    private static double skewness(double[] v) {
        double[] z = YeoJohnsonTransform.standardise(v);
        return Arrays.stream(z).map(x -> x * x * x).average().orElseThrow();
    }

    @Test
    void removesMuchOfTheSkewAndKeepsTheOrder() {
        // Losses spread like Rosenbrock's under random search: log-normal, a few trials far worse.
        SplittableRandom rng = new SplittableRandom(3);
        double[] losses = new double[60];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = Math.exp(2.5 * rng.nextGaussian());
        }

        double[] t = YeoJohnsonTransform.apply(losses);

        for (int i = 0; i < losses.length; i++) {
            for (int j = 0; j < losses.length; j++) {
                assertThat(Double.compare(t[i], t[j])).isEqualTo(Double.compare(losses[i], losses[j]));
            }
        }
        assertThat(skewness(losses)).isGreaterThan(4.0);
        assertThat(Math.abs(skewness(t))).isLessThan(skewness(losses) / 2);
        assertThat(Arrays.stream(t).average().orElseThrow()).isCloseTo(0.0, within(1e-12));
        assertThat(Arrays.stream(t).map(x -> x * x).average().orElseThrow()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void leavesSymmetricDataNearlyAlone() {
        double[] y = {-2, -1, -0.5, 0, 0.5, 1, 2};

        assertThat(YeoJohnsonTransform.fitLambda(YeoJohnsonTransform.standardise(y))).isCloseTo(1.0, within(0.2));
    }
}
