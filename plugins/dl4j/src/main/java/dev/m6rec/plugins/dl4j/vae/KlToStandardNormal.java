package dev.m6rec.plugins.dl4j.vae;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Beta times the KL divergence of the posterior {@code N(mu, exp(log-variance))} from the standard
 * normal, as a DL4J loss over {@code [mu | log-variance]}:
 * {@code beta * 0.5 * sum(mu^2 + exp(lv) - lv - 1)} per row. Beta, annealed during training, is
 * read from the labels (every label of a row holds it), so the configuration stays the same as
 * beta moves; DL4J's label masks cannot carry it, as they scale the layer's output rather than
 * weigh the loss.
 */
public final class KlToStandardNormal extends RowLoss {

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray[] parts = split(activationFn.getActivation(preOutput.dup(), true));
        INDArray mean = parts[0];
        INDArray logVariance = parts[1];
        INDArray perUnit = mean.mul(mean).addi(Transforms.exp(logVariance, true)).subi(logVariance).subi(1.0)
                .muli(0.5);
        INDArray score = perUnit.sum(true, 1).muli(beta(labels));
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray[] parts = split(output);
        INDArray gradient = Nd4j.hstack(parts[0].dup(), Transforms.exp(parts[1], true).subi(1.0).muli(0.5))
                .muliColumnVector(beta(labels));
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return activationFn.backprop(preOutput.dup(), gradient).getFirst();
    }

    @Override
    public String name() {
        return "kl-to-standard-normal";
    }

    /** Each row's beta: its first label. */
    private static INDArray beta(INDArray labels) {
        return labels.getColumn(0, true).dup();
    }

    private static INDArray[] split(INDArray meanAndLogVariance) {
        long half = meanAndLogVariance.size(1) / 2;
        INDArray mean = meanAndLogVariance.get(NDArrayIndex.all(), NDArrayIndex.interval(0, half));
        INDArray logVariance = meanAndLogVariance.get(NDArrayIndex.all(), NDArrayIndex.interval(half, 2 * half));
        return new INDArray[] {mean, logVariance};
    }
}
