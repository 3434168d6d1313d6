package dev.m6rec.plugins.dl4j.easedae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.plugins.dl4j.Nd4jFloats;
import dev.m6rec.plugins.dl4j.train.ItemSubset;
import dev.m6rec.plugins.dl4j.vae.MultiHot;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Scores with a fitted {@code ease-dae}: the history given at scoring time (training items, fresh
 * events, or a new user's first items) is summed over the linear path's rows and goes through the
 * autoencoder, without dropout: {@code x B + W2 tanh(W1 x / |x| + b1) + b2}. An empty history (or
 * one of items the model does not know) has no linear part and scores by the autoencoder's output
 * at a zero input. Plain float arrays copied from the DL4J graph; immutable and thread-safe.
 */
final class EaseDaeScorer {
    private final int numItems;
    private final int hidden;
    /** The linear path, row-major {@code [items][items]}. */
    private final float[] linear;
    /** DL4J's weights row-major {@code [in][out]}. */
    private final float[] hiddenWeights;
    private final float[] hiddenBias;
    private final float[] residualWeights;
    private final float[] residualBias;

    EaseDaeScorer(float[] linear, ComputationGraph net, int numItems) {
        this.linear = requireNonNull(linear, "linear is null");
        this.numItems = numItems;
        this.hiddenWeights = rowMajor(net, EaseDaeNetwork.HIDDEN + "_W");
        this.hiddenBias = rowMajor(net, EaseDaeNetwork.HIDDEN + "_b");
        this.residualWeights = rowMajor(net, EaseDaeNetwork.RESIDUAL + "_W");
        this.residualBias = rowMajor(net, EaseDaeNetwork.RESIDUAL + "_b");
        this.hidden = hiddenBias.length;
    }

    private static float[] rowMajor(ComputationGraph net, String name) {
        return Nd4jFloats.copyOf(net.getParam(name));
    }

    float[] linear() {
        return linear;
    }

    void score(int[] history, int[] items, float[] out) {
        float[] all = new float[numItems];
        scoreAll(history, all);
        ItemSubset.gather(all, items, out);
    }

    void scoreAll(int[] history, float[] out) {
        if (out.length != numItems) {
            throw new IllegalArgumentException("out has " + out.length + " entries, the model scores " + numItems
                    + " items");
        }
        MultiHot input = MultiHot.ofHistory(history, numItems);
        float[] h = hiddenBias.clone();
        float scale = input.scale(0);
        for (int k = 0; k < input.length(0); k++) {
            int row = input.items[k] * hidden;
            for (int j = 0; j < hidden; j++) {
                h[j] += scale * hiddenWeights[row + j];
            }
        }
        System.arraycopy(residualBias, 0, out, 0, numItems);
        for (int j = 0; j < hidden; j++) {
            float activation = (float) Math.tanh(h[j]);
            int row = j * numItems;
            for (int i = 0; i < numItems; i++) {
                out[i] += activation * residualWeights[row + i];
            }
        }
        ItemRegression.scores(linear, numItems, input.items, 0, input.length(0), out, 0);
    }
}
