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

    /** Declares the shared parameters with their defaults and bounds. */
    public static ConfigSchema.Builder declare(ConfigSchema.Builder schema, int defaultNegatives) {
        return schema
                .intParam("epochs", 20, "training epochs").atLeast(1)
                .intParam("batch-size", 256, "rows per gradient step").atLeast(1)
                .floatParam("learning-rate", 0.001, "Adam learning rate").greaterThan(0)
                .floatParam("weight-decay", 0.0, "decoupled weight decay on weights").atLeast(0)
                .floatParam("dropout", 0.0, "dropout probability on hidden activations").atLeast(0).lessThan(1)
                .intParam("negatives", defaultNegatives, "sampled negative items per positive").atLeast(0)
                .intParam("early-stopping.patience", 3,
                        "epochs without validation improvement before stopping (0: never stop early)").atLeast(0)
                .intParam("intra-op-threads", 1, "threads one network uses inside an op (OpenMP/OpenBLAS)").atLeast(1);
    }

    public static TrainingSettings from(ComponentConfig config) {
        return new TrainingSettings(config.getInt("epochs"), config.getInt("batch-size"),
                config.getDouble("learning-rate"), config.getDouble("weight-decay"), config.getDouble("dropout"),
                config.getInt("negatives"), config.getInt("early-stopping.patience"),
                config.getInt("intra-op-threads"));
    }
}
