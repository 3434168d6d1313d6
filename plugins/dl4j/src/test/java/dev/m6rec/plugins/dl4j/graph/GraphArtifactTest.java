package dev.m6rec.plugins.dl4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.plugins.dl4j.Nd4jFloats;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class GraphArtifactTest {
    /** An embedding, a hidden layer and an output head: every kind of parameter block the models use. */
    private static ComputationGraphConfiguration configuration(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("item")
                .addLayer("embedding", new EmbeddingLayer.Builder().nIn(50).nOut(8).build(), "item")
                .addLayer("hidden", new DenseLayer.Builder().nIn(8).nOut(6).activation(Activation.RELU).build(),
                        "embedding")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(6).nOut(2)
                        .activation(Activation.IDENTITY).build(), "hidden")
                .setOutputs("out")
                .build();
    }

    /** A graph whose parameters moved away from the values its seed draws, as training moves them. */
    private static ComputationGraph trained(long seed) {
        ComputationGraph net = new ComputationGraph(configuration(seed).clone());
        net.init();
        net.params().addi(0.25f);
        return net;
    }

    @Test
    void countsTheParametersOfAConfigurationAsAnInitialisedGraphDoes() {
        ComputationGraph net = new ComputationGraph(configuration(1).clone());
        net.init();
        assertThat(GraphArtifact.numParams(configuration(1))).isEqualTo(net.numParams())
                .isEqualTo(50 * 8 + 8 * 6 + 6 + 6 * 2 + 2);
    }

    @Test
    void loadsTheStoredParametersIntoAGraphThatComputesAsTheSavedOne() {
        ComputationGraph saved = trained(7);
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        GraphArtifact.save(artifacts, configuration(7), saved.params());

        ComputationGraph loaded = GraphArtifact.loadGraph(artifacts, configuration(7));

        assertThat(Nd4jFloats.copyOf(loaded.params())).containsExactly(Nd4jFloats.copyOf(saved.params()));
        INDArray items = Nd4j.createFromArray(new float[][] {{3}, {0}, {49}});
        assertThat(Nd4jFloats.copyOf(loaded.outputSingle(items)))
                .containsExactly(Nd4jFloats.copyOf(saved.outputSingle(items)));
    }

    @Test
    void refusesAParameterFileOfAnotherLength() {
        ComputationGraph saved = trained(7);
        float[] values = Nd4jFloats.copyOf(saved.params());
        MemoryArtifacts shorter = new MemoryArtifacts("memory/interest");
        shorter.writeText(GraphArtifact.NETWORK_FILE, configuration(7).toJson());
        shorter.writeFloats(GraphArtifact.PARAMS_FILE, Arrays.copyOf(values, values.length - 1));

        assertThatThrownBy(() -> GraphArtifact.loadGraph(shorter, configuration(7)))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/params.f32: holds " + (values.length - 1)
                        + " parameters, the network has " + values.length);
    }
}
