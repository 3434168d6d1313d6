package dev.m6rec.plugins.dl4j.easedae;

import dev.m6rec.plugins.dl4j.graph.GraphBase;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossL2;

/**
 * Builds the {@code ease-dae}'s autoencoder as a DL4J computation graph:
 * <pre>
 * history [B, I] ─ l2-normalise ─ hidden (tanh, input dropout) ─ residual [B, I] (linear, squared loss)
 * </pre>
 * The labels of {@code residual} are what the linear path leaves of the history,
 * {@code x - x B_fold}, so the sum of both paths is fitted with EASE's own squared loss. The
 * residual layer starts at zero: before the first step the model is exactly its linear path.
 */
final class EaseDaeNetwork {
    static final String HISTORY = "history";
    static final String HIDDEN = "hidden";
    static final String RESIDUAL = "residual";

    private EaseDaeNetwork() {
    }

    /** The network over {@code numItems} items for {@code settings}, its parameters initialised from {@code seed}. */
    static ComputationGraphConfiguration configuration(EaseDaeSettings settings, int numItems, long seed) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphBase.builder(settings.training(), seed);
        graph.addInputs(HISTORY);
        graph.addVertex("normalised", new L2NormalizeVertex(new int[] {1}, L2NormalizeVertex.DEFAULT_EPS), HISTORY);
        DenseLayer.Builder hidden = new DenseLayer.Builder().nIn(numItems).nOut(settings.hidden())
                .activation(Activation.TANH);
        if (settings.dropout() > 0) {
            hidden.dropOut(1 - settings.dropout());   // DL4J's dropOut takes the probability of keeping the input
        }
        graph.addLayer(HIDDEN, hidden.build(), "normalised");
        graph.addLayer(RESIDUAL, new OutputLayer.Builder(new LossL2()).nIn(settings.hidden()).nOut(numItems)
                .activation(Activation.IDENTITY).weightInit(WeightInit.ZERO).build(), HIDDEN);
        graph.setOutputs(RESIDUAL);
        return GraphBase.build(graph);
    }
}
