package dev.m6rec.plugins.baselines;

/**
 * The hyper-parameters of {@link BprModel}, already validated by the factory's schema.
 *
 * @param factors        latent dimensions
 * @param epochs         passes over the training interactions
 * @param learningRate   SGD step size
 * @param regularization L2 penalty
 * @param negatives      negatives sampled per positive
 * @param initStd        standard deviation of the initial factors
 * @param itemBias       whether items get a learned bias
 */
record BprSettings(int factors, int epochs, float learningRate, float regularization, int negatives,
                   float initStd, boolean itemBias) {
    BprSettings {
        if (factors < 1 || epochs < 1 || negatives < 1 || !(learningRate > 0) || regularization < 0 || initStd < 0) {
            throw new IllegalArgumentException("invalid BPR settings: " + factors + ", " + epochs + ", "
                    + learningRate + ", " + regularization + ", " + negatives + ", " + initStd);
        }
    }
}
