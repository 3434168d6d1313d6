package dev.m6rec.plugins.dl4j.vae;

import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code vae}'s training step through DL4J's own {@code ComputationGraph.fit} ({@code engine:
 * graph}): the reference the fused {@link VaeKernel} is checked against, and much slower (a dense
 * {@code [B, items]} input, and per-op bookkeeping). It draws the noise from the same source in
 * the same order as the kernel; DL4J draws its own dropout masks.
 */
final class VaeGraphTrainer {
    private final VaeSettings settings;
    private final ComputationGraph net;
    private final int numItems;
    private final int latent;
    private int step;
    private double scoreSum;
    private int batches;

    VaeGraphTrainer(VaeSettings settings, ComputationGraph net, int numItems) {
        this.settings = settings;
        this.net = net;
        this.numItems = numItems;
        this.latent = settings.latent();
    }

    float beta() {
        return settings.beta(step);
    }

    void step(MultiHot histories, int[] batch, int from, int rows, RandomGenerator noiseSource) {
        float[] noise = new float[rows * latent];
        VaeKernel.fillNoise(noiseSource, noise.length, noise);
        INDArray history = input(histories, batch, from, rows);
        INDArray[] inputs = {history, Nd4j.create(noise, new long[] {rows, latent}, 'c')};
        net.fit(inputs, labels(history, beta()));
        scoreSum += net.score();
        batches++;
        step++;
    }

    /**
     * The labels of a batch: the history for the likelihood (a copy, as the input may be normalised
     * in place), beta for the KL term.
     */
    INDArray[] labels(INDArray history, float beta) {
        return new INDArray[] {history.dup(),
                Nd4j.valueArrayOf(new long[] {history.size(0), 2L * latent}, beta, DataType.FLOAT)};
    }

    /** The rows' multi-hot histories as a dense {@code [rows, items]} array. */
    INDArray input(MultiHot histories, int[] batch, int from, int rows) {
        float[] dense = new float[rows * numItems];
        for (int r = 0; r < rows; r++) {
            int user = batch[from + r];
            for (int k = histories.offsets[user]; k < histories.offsets[user + 1]; k++) {
                dense[r * numItems + histories.items[k]] = 1f;
            }
        }
        return Nd4j.create(dense, new long[] {rows, numItems}, 'c');
    }

    /** The mean of DL4J's score (likelihood + beta * KL, per user) since the last call. */
    double takeLoss() {
        double loss = batches == 0 ? Double.NaN : scoreSum / batches;
        scoreSum = 0;
        batches = 0;
        return loss;
    }
}
