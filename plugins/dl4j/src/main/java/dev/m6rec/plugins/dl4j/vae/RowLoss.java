package dev.m6rec.plugins.dl4j.vae;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * What the VAE's DL4J losses share: a stateless loss whose score is the sum (or batch mean) of
 * its per-row {@link #computeScoreArray}, equal to any other instance of the same class (DL4J
 * compares configurations, and a loss has no settings).
 */
abstract class RowLoss implements ILossFunction {

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray score = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = score.sumNumber().doubleValue();
        return average ? sum / score.size(0) : sum;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "()";
    }
}
