package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code cnn} (Caser) model's section: each component is one YAML key (see {@link CaserFactory}),
 * the training ones with the defaults that suit Caser. L ({@code length}) of the user's latest
 * items form the input sequence; each vertical filter spans all L items for one embedding column.
 *
 * <pre>{@code
 * interest: { type: cnn, length: 5, heights: [1, 2, 3], epochs: 20, early-stopping: { patience: 2 } }
 * }</pre>
 */
public record CaserSettings(
        @Param(value = "width of the item and user embeddings", def = "32", above = 0) int embedding,
        @Param(value = "how many of the user's latest items the convolutions see", def = "5", min = 1) int length,
        @Param(value = "heights (in items) of the horizontal filters", def = "[1, 2, 3]", above = 0) int[] heights,
        @Param(value = "horizontal filters per height", def = "16", min = 1) int horizontalFilters,
        @Param(value = "vertical filters", def = "4", min = 0) int verticalFilters,
        @Param(value = "probability of hiding the user id in training, for unknown users", def = "0.1", min = 0,
                below = 1) double idDropout,
        @Param(value = "training loop: the fused kernel, or DL4J's ComputationGraph.fit", def = "fused") Engine engine,
        @Param("the optional text-CNN item encoder") TextEncoderSettings text,
        @Param(value = "training epochs", def = "20", min = 1) int epochs,
        @Param(value = "rows per gradient step", def = "256", min = 1) int batchSize,
        @Param(value = "Adam learning rate", def = "0.001", above = 0) double learningRate,
        @Param(value = "decoupled weight decay: each step takes learning-rate x this off every weight", def = "0.0",
                min = 0) double weightDecay,
        @Param(value = "dropout probability on hidden activations", def = "0.0", min = 0, below = 1) double dropout,
        @Param(value = "sampled negative items per positive", def = "3", min = 0) int negatives,
        @Param("early stopping on the run's validation metric") Stopping earlyStopping,
        @Param(value = "threads one network uses inside an op (OpenMP/OpenBLAS)", def = "1", min = 1)
        int intraOpThreads) {

    public CaserSettings {
        requireNonNull(heights, "heights is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(text, "text is null");
        requireNonNull(earlyStopping, "earlyStopping is null");
        heights = heights.clone();
    }

    /** {@code early-stopping}. */
    public record Stopping(
            @Param(value = "epochs without validation improvement before stopping (0: never stop early)", def = "3",
                    min = 0) int patience) {
    }

    @Override
    public int[] heights() {
        return heights.clone();
    }

    public TrainingSettings training() {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, dropout, negatives,
                earlyStopping.patience(), intraOpThreads);
    }
}
