package dev.m6rec.plugins.dl4j.graph;

import dev.m6rec.plugins.dl4j.train.TrainingSettings;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What every M6-Rec network shares: float32, Adam at the configured rate, Xavier initialisation,
 * workspaces on, no layer caches, the configured weight decay, id embedding tables; and, when the graph is built,
 * {@link WeightDecayOnce}, so each model's configuration goes through the one correction.
 *
 * <pre>{@code
 * ComputationGraphConfiguration.GraphBuilder graph = GraphBase.builder(settings.training(), seed);
 * ...add inputs, layers, outputs...
 * return GraphBase.build(graph);
 * }</pre>
 */
public final class GraphBase {
    private GraphBase() {
    }

    public static ComputationGraphConfiguration.GraphBuilder builder(TrainingSettings training, long seed) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(training.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE);
        if (training.weightDecay() > 0) {
            base.weightDecay(training.weightDecay());
        }
        return base.graphBuilder();
    }

    /** An id embedding table: {@code rows x width}, no bias, normal initialisation. */
    public static EmbeddingLayer embedding(int rows, int width) {
        return new EmbeddingLayer.Builder().nIn(rows).nOut(width).hasBias(false)
                .activation(Activation.IDENTITY).weightInit(WeightInit.NORMAL).build();
    }

    public static ComputationGraphConfiguration build(ComputationGraphConfiguration.GraphBuilder graph) {
        return WeightDecayOnce.apply(graph.build());
    }
}
