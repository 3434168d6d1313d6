package dev.m6rec.plugins.dl4j.train;

/**
 * The training parameters the deep models share. Each model declares them in its own settings
 * record, with the defaults that suit it (measured on the quick-start data), and hands them on
 * as this value.
 *
 * <pre>{@code
 * interest: { type: mlp, epochs: 30, batch-size: 512, learning-rate: 0.002, early-stopping: { patience: 3 } }
 * }</pre>
 *
 * @param epochs         passes over the training interactions
 * @param batchSize      rows per gradient step
 * @param learningRate   Adam's step size
 * @param weightDecay    decoupled weight decay applied to weights (not biases)
 * @param dropout        probability of zeroing a hidden activation during training
 * @param negatives      sampled negative items per observed positive
 * @param patience       epochs without a better validation score before stopping; 0 disables
 * @param intraOpThreads threads one network may use inside an op (OpenMP, OpenBLAS)
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, double dropout,
                               int negatives, int patience, int intraOpThreads) {
}
