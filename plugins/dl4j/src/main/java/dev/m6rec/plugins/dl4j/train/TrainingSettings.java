package dev.m6rec.plugins.dl4j.train;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;

/**
 * The training parameters shared by the deep models, as read from their YAML section.
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

    /**
     * Declares the shared parameters with their bounds, and defaults that suit the model: each
     * model passes the values that work for it (measured on the quick-start data).
     */
    public static ConfigSchema.Builder declare(ConfigSchema.Builder schema, TrainingSettings defaults) {
        return schema
                .intParam("epochs", defaults.epochs(), "training epochs").atLeast(1)
                .intParam("batch-size", defaults.batchSize(), "rows per gradient step").atLeast(1)
                .floatParam("learning-rate", defaults.learningRate(), "Adam learning rate").greaterThan(0)
                .floatParam("weight-decay", defaults.weightDecay(),
                        "decoupled weight decay: each step takes learning-rate x this off every weight").atLeast(0)
                .floatParam("dropout", defaults.dropout(), "dropout probability on hidden activations")
                .atLeast(0).lessThan(1)
                .intParam("negatives", defaults.negatives(), "sampled negative items per positive").atLeast(0)
                .intParam("early-stopping.patience", defaults.patience(),
                        "epochs without validation improvement before stopping (0: never stop early)").atLeast(0)
                .intParam("intra-op-threads", defaults.intraOpThreads(), "threads one network uses inside an op (OpenMP/OpenBLAS)").atLeast(1);
    }

    public static TrainingSettings from(ComponentConfig config) {
        return new TrainingSettings(config.getInt("epochs"), config.getInt("batch-size"),
                config.getDouble("learning-rate"), config.getDouble("weight-decay"), config.getDouble("dropout"),
                config.getInt("negatives"), config.getInt("early-stopping.patience"),
                config.getInt("intra-op-threads"));
    }
}
