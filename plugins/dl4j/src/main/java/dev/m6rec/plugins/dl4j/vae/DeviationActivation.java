package dev.m6rec.plugins.dl4j.vae;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code exp(x / 2)}: a log-variance to a standard deviation, the one step of the
 * reparameterisation DL4J has no activation for. With it the network samples
 * {@code z = mean + deviation * noise} from stock vertices (an element-wise product and sum),
 * whose backward passes DL4J provides.
 */
public final class DeviationActivation extends BaseActivationFunction {

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        // In place, as DL4J's activations work (the layer hands over a copy in training; at inference it
        // hands over the log-variance itself, which then only the KL output, unused there, reads again).
        return Transforms.exp(in.muli(0.5), false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // d exp(x / 2) / dx = exp(x / 2) / 2
        INDArray gradient = Transforms.exp(in.mul(0.5), false).muli(0.5).muli(epsilon);
        return new Pair<>(gradient, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviationActivation;
    }

    @Override
    public int hashCode() {
        return DeviationActivation.class.hashCode();
    }

    @Override
    public String toString() {
        return "deviation";
    }
}
