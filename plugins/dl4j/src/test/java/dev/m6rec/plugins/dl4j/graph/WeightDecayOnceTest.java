package dev.m6rec.plugins.dl4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The configured weight decay is applied once per step, also after a JSON round trip. */
class WeightDecayOnceTest {
    private static ComputationGraphConfiguration.GraphBuilder graph() {
        return new NeuralNetConfiguration.Builder().weightDecay(0.01).graphBuilder()
                .addInputs("in").addLayer("dense", new DenseLayer.Builder().nIn(3).nOut(2).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nIn(2).nOut(1).build(), "dense")
                .setOutputs("out");
    }

    @Test
    void dl4jAloneListsTheDecayTwiceAndTheFixKeepsOne() {
        // Pins the DL4J behaviour the class works around: if an upgrade fixes it, this fails and the class can go.
        assertThat(layerDecay(graph().build())).hasSize(2);
        ComputationGraphConfiguration fixed = WeightDecayOnce.apply(graph().build());
        assertThat(layerDecay(fixed)).containsExactly(new WeightDecay(0.01, true));
        assertThat(layerDecay(ComputationGraphConfiguration.fromJson(fixed.toJson())))
                .containsExactly(new WeightDecay(0.01, true));
    }

    private static java.util.List<org.nd4j.linalg.learning.regularization.Regularization> layerDecay(
            ComputationGraphConfiguration conf) {
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net.getLayer("dense").conf().getLayer().getRegularizationByParam("W");
    }
}
