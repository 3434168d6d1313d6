package dev.m6rec.plugins.baselines;

import dev.m6rec.api.config.Param;

/**
 * The {@code bpr} section: the hyper-parameters of {@link BprModel}, checked by core against
 * these declarations before the model is made.
 *
 * <pre>{@code
 * interest: { type: bpr, factors: 64, epochs: 30, learning-rate: 0.05, regularization: 0.01, negatives: 1 }
 * }</pre>
 */
public record BprSettings(
        @Param(value = "latent factors per user and item", def = "64", min = 1) int factors,
        @Param(value = "passes over the training interactions", def = "30", min = 1) int epochs,
        @Param(value = "SGD step size", def = "0.05", above = 0) float learningRate,
        @Param(value = "L2 penalty on the factors and biases touched by a step", def = "0.01", min = 0)
        float regularization,
        @Param(value = "negative items sampled per positive interaction, one SGD step each", def = "1", min = 1)
        int negatives,
        @Param(value = "standard deviation of the Gaussian initial factors", def = "0.1", min = 0) float initStd,
        @Param(value = "learn a per-item bias (BPR's popularity term)", def = "true") boolean itemBias) {
}
