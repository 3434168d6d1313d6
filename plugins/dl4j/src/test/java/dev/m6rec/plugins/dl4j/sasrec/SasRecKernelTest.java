package dev.m6rec.plugins.dl4j.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel's gradients against central finite differences of its own loss, for every parameter
 * of a small network: three sequences of different lengths (one longer than the window, one of a
 * single item, so padding and truncation are both exercised), two blocks, and with dropout the
 * same masks for every evaluation (the same seed). SameDiff could have given DL4J's own gradients,
 * but in 1.0.0-M2.1 its training session does not finish a batch (see SasRecModel).
 */
class SasRecKernelTest {
    private static final int ITEMS = 7;
    private static final int HIDDEN = 4;
    private static final int BLOCKS = 2;
    private static final int LENGTH = 5;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3})
    void gradientsMatchFiniteDifferences(double dropout) {
        Nd4jRuntime.configure(1);
        SasRecParameters p = SasRecParameters.initial(ITEMS, HIDDEN, BLOCKS, LENGTH, new SplittableRandom(3));
        SplittableRandom noise = new SplittableRandom(4);
        for (float[] tensor : p.tensors) {
            for (int i = 0; i < tensor.length; i++) {
                tensor[i] += (float) (0.3 * noise.nextGaussian());   // away from unit gains and zero biases
            }
        }
        SasRecKernel kernel = new SasRecKernel(p, 3, dropout, 0.001, 0.0);
        int[][] histories = {{0, 1, 2, 3, 4, 5, 6}, {6, 2}, {3, 3, 5, 1}};
        int[] labels = new int[3 * LENGTH];
        SasRecForward batch = kernel.batch();
        for (int r = 0; r < histories.length; r++) {
            int[] h = histories[r];
            batch.setSequence(r, h, 0, h.length - 1);
            int pad = batch.padding[r];
            for (int k = 0; k < LENGTH; k++) {
                labels[r * LENGTH + k] = k < pad ? -1 : h[h.length - LENGTH + k];
            }
        }
        assertThat(batch.padding).containsExactly(0, 4, 2);

        loss(kernel, labels, dropout);
        float[][] analytic = new float[p.tensors.length][];
        for (int t = 0; t < p.tensors.length; t++) {
            analytic[t] = kernel.gradientOf(t).clone();
        }
        double step = 1e-3;
        int checked = 0;
        for (int t = 0; t < p.tensors.length; t++) {
            float[] values = p.tensors[t];
            for (int i = 0; i < values.length; i++) {
                float original = values[i];
                values[i] = (float) (original + step);
                double up = loss(kernel, labels, dropout);
                values[i] = (float) (original - step);
                double down = loss(kernel, labels, dropout);
                values[i] = original;
                double numeric = (up - down) / (2 * step);
                assertThat((double) analytic[t][i]).as("tensor %d, entry %d", t, i)
                        .isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(p.size());
    }

    private static double loss(SasRecKernel kernel, int[] labels, double dropout) {
        kernel.batch().run(kernel.parameters(), 3, dropout, new SplittableRandom(9));
        kernel.clearGradients();
        return kernel.gradients(labels);
    }
}
