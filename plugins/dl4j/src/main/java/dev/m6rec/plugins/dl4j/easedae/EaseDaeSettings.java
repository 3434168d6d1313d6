package dev.m6rec.plugins.dl4j.easedae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code ease-dae} model's section (see {@link EaseDaeFactory}). The defaults were chosen on
 * MovieLens-100K's validation split (see examples/movielens-100k-ease-dae.yaml): EASE's lambda 300,
 * a 200-wide tanh layer whose output layer starts at zero, input dropout 0.5 and a strong decoupled
 * weight decay (30), without which the residual path overfits within a few epochs.
 *
 * <pre>{@code
 * interest: { type: ease-dae, lambda: 300, hidden: 200, weight-decay: 30, epochs: 60 }
 * }</pre>
 */
public record EaseDaeSettings(
        @Param(value = "L2 regularisation added to the diagonal of the item Gram matrix (the linear path, as ease)",
                def = "300", above = 0) double lambda,
        @Param(value = "user folds for the out-of-fold linear scores the residual is trained against", def = "5",
                min = 2) int folds,
        @Param(value = "width of the autoencoder's tanh layer", def = "200", min = 1) int hidden,
        @Param(value = "probability of dropping each history item from the autoencoder's input in training",
                def = "0.5", min = 0, below = 1) double dropout,
        @Param(value = "training epochs (passes over the users)", def = "60", min = 1) int epochs,
        @Param(value = "users per gradient step", def = "128", min = 1) int batchSize,
        @Param(value = "Adam learning rate", def = "0.001", above = 0) double learningRate,
        @Param(value = "decoupled weight decay: each step takes learning-rate x this off every weight", def = "30.0",
                min = 0) double weightDecay,
        @Param(value = "refuse to fit above this many items: the linear path holds folds + 1 dense item x item float matrices and two double ones while fitting (about 4 GB at 10,000 items with 5 folds)",
                def = "10000", min = 1, max = 46_340) int maxItems,
        @Param("early stopping on the run's validation metric") Stopping earlyStopping,
        @Param(value = "threads one network uses inside an op (OpenMP/OpenBLAS)", def = "1", min = 1)
        int intraOpThreads) {

    public EaseDaeSettings {
        requireNonNull(earlyStopping, "earlyStopping is null");
    }

    /** {@code early-stopping}. */
    public record Stopping(
            @Param(value = "epochs without validation improvement before stopping (0: never stop early)", def = "10",
                    min = 0) int patience) {
    }

    /** The shared training values; {@code dropout} is the input dropout, there are no negatives. */
    public TrainingSettings training() {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, dropout, 0,
                earlyStopping.patience(), intraOpThreads);
    }
}
