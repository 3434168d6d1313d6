package dev.m6rec.plugins.dl4j.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused kernel and scorer compute what DL4J's graph computes, on the same parameters. The
 * reparameterisation's noise is an input of the graph, so both sides see the same draw and DL4J's
 * own backward pass (through the SameDiff vertex) checks the sampling step exactly, without finite
 * differences; dropout is off, since DL4J draws its masks from its own generator.
 */
class VaeKernelTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;

    @ParameterizedTest
    @CsvSource({"'6', 0.3", "'6, 5', 0.0", "'4, 7', 1.0"})
    void gradientsLossesAndScoresMatchDl4j(String hidden, double beta) {
        Nd4jRuntime.configure(1);
        List<Integer> widths = new ArrayList<>();
        for (String w : hidden.split(",")) {
            widths.add(Integer.parseInt(w.trim()));
        }
        VaeSettings settings = Sections.bind(new VaeFactory(), "interest", Map.of("hidden", widths, "latent", 3,
                "dropout", 0.0));
        ComputationGraph net = new ComputationGraph(VaeNetwork.configuration(settings, ITEMS, 11));
        net.init();
        SplittableRandom rng = new SplittableRandom(5);
        // Away from the initialisation (zero biases, log-variance near 0), so every term matters.
        float[] params = new float[(int) net.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (0.4 * rng.nextGaussian());
        }
        net.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));

        Interactions.Builder b = Interactions.builder(USERS, ITEMS, true, false);
        // User 1 has an item twice (it counts once); user 4 has none and stays out of the batch.
        b.add(0, 1, 4, 0).add(0, 4, 2, 0).add(0, 5, 5, 0).add(1, 2, 2, 0).add(1, 2, 3, 0).add(2, 3, 5, 0)
                .add(2, 0, 3, 0).add(2, 8, 1, 0).add(2, 7, 4, 0).add(3, 6, 3, 0);
        MultiHot histories = MultiHot.of(b.build().byUser(), ITEMS);
        int[] batch = histories.nonEmptyRows();
        assertThat(batch).containsExactly(0, 1, 2, 3);
        int rows = batch.length;
        float[] eps = new float[rows * settings.latent()];
        VaeKernel.fillNoise(rng, eps.length, eps);

        VaeKernel kernel = new VaeKernel(settings, VaeParameters.of(settings, ITEMS, net), rows);
        kernel.gradients(histories, batch, 0, rows, eps, (float) beta, new SplittableRandom(1));
        double[] losses = kernel.takeLosses();

        VaeGraphTrainer graph = new VaeGraphTrainer(settings, net, ITEMS);
        INDArray input = graph.input(histories, batch, 0, rows);
        net.setInputs(input, Nd4j.create(eps, new long[] {rows, settings.latent()}, 'c'));
        net.setLabels(graph.labels(input, (float) beta));
        net.computeGradientAndScore();
        assertThat(losses[0] + beta * losses[1]).as("likelihood + beta * KL, per user")
                .isCloseTo(net.score(), within(1e-4 * Math.abs(net.score())));

        Gradient expected = net.gradient();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < widths.size(); l++) {
            for (String layer : List.of("encoder-" + l, "decoder-" + l)) {
                names.addAll(List.of(layer + "_W", layer + "_b"));
            }
        }
        names.addAll(List.of("mean_W", "mean_b", "log-variance_W", "log-variance_b", "items_W", "items_b"));
        assertThat(expected.gradientForVariable().keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            // DL4J's gradient is a sum over the batch; its updater divides by the batch size (miniBatch).
            float[] want = expected.getGradientFor(name).div(rows).dup('c').data().asFloat();
            float[] got = kernel.gradientOf(name);
            assertThat(got).as(name).hasSameSizeAs(want);
            double norm = 0;
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).as(name + "[" + i + "]")
                        .isCloseTo(want[i], within(2e-5f + 1e-3f * Math.abs(want[i])));
                norm += Math.abs(want[i]);
            }
            assertThat(norm).as(name + " is exercised").isGreaterThan(1e-4);
        }

        // The scorer's log-probabilities are the graph's logits, log-softmaxed, with zero noise (z = mean).
        VaeScorer scorer = new VaeScorer(VaeParameters.of(settings, ITEMS, net));
        INDArray logits = net.output(false, input, Nd4j.create(DataType.FLOAT, rows, settings.latent()))[0];
        for (int r = 0; r < rows; r++) {
            int user = batch[r];
            float[] logProbabilities = scorer.logProbabilities(java.util.Arrays.copyOfRange(histories.items,
                    histories.offsets[user], histories.offsets[user + 1]));
            for (int i = 1; i < ITEMS; i++) {
                assertThat(logProbabilities[i] - logProbabilities[0]).as("user %d item %d", user, i)
                        .isCloseTo(logits.getFloat(r, i) - logits.getFloat(r, 0), within(1e-5f));
            }
        }
    }
}
