package dev.m6rec.plugins.dl4j.vae;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mult-VAE's likelihood as a DL4J loss over item logits: {@code -sum_i x_i log softmax(logits)_i}
 * per row, where the labels {@code x} are the user's history (any non-negative weights, not
 * normalised). DL4J's own softmax cross-entropy assumes labels that sum to one, and its label masks
 * scale the layer's output rather than weigh the loss, so neither can carry the history's size.
 * The layer's activation must be the identity: the softmax is part of the loss.
 */
public final class MultinomialLikelihood extends RowLoss {

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray logits = activationFn.getActivation(preOutput.dup(), true);
        INDArray logSoftmax = logits.subColumnVector(logSumExp(logits));
        INDArray score = logSoftmax.muli(labels).sum(true, 1).negi();
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray logits = activationFn.getActivation(preOutput.dup(), true);
        INDArray softmax = Transforms.exp(logits.subColumnVector(logSumExp(logits)), false);
        // d/dlogits of (count * logsumexp - sum x * logits) = count * softmax - x
        INDArray gradient = softmax.muliColumnVector(labels.sum(true, 1)).subi(labels);
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return activationFn.backprop(preOutput.dup(), gradient).getFirst();
    }

    private static INDArray logSumExp(INDArray logits) {
        INDArray max = logits.max(true, 1);
        return Transforms.log(Transforms.exp(logits.subColumnVector(max), false).sum(true, 1), false).addi(max);
    }

    @Override
    public String name() {
        return "multinomial-likelihood";
    }

}
