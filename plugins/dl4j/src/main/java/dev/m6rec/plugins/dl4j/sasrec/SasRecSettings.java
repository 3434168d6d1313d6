package dev.m6rec.plugins.dl4j.sasrec;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;

/**
 * The {@code sasrec} model's section: each component is one YAML key (see {@link SasRecFactory}).
 * The architecture defaults are the paper's (two blocks, width 64, one head); a window of 100
 * items, dropout 0.5 (the paper's for its sparser sets, 0.2 for MovieLens-1M) and learning rate
 * 0.002 scored best on MovieLens-100K's leave-one-out validation split (see
 * examples/movielens-100k-sasrec.yaml).
 * Training is a full softmax over all items at every position of the sequence, which the paper
 * did not use (it sampled one negative) but which later re-evaluations found far stronger.
 *
 * <pre>{@code
 * interest: { type: sasrec, hidden: 64, blocks: 2, length: 100, dropout: 0.5, epochs: 200 }
 * }</pre>
 */
public record SasRecSettings(
        @Param(value = "width of the item and position embeddings and of every block", def = "64", above = 0)
        int hidden,
        @Param(value = "self-attention blocks", def = "2", min = 1) int blocks,
        @Param(value = "how many of the user's latest items the model reads", def = "100", min = 1) int length,
        @Param(value = "dropout probability on embeddings, attention weights and feed-forward outputs", def = "0.5",
                min = 0, below = 1) double dropout,
        @Param(value = "training epochs (passes over the users)", def = "200", min = 1) int epochs,
        @Param(value = "users (whole sequences) per gradient step", def = "128", min = 1) int batchSize,
        @Param(value = "Adam learning rate", def = "0.002", above = 0) double learningRate,
        @Param(value = "decoupled weight decay: each step takes learning-rate x this off every weight", def = "0.0",
                min = 0) double weightDecay,
        @Param("early stopping on the run's validation metric") Stopping earlyStopping,
        @Param(value = "threads OpenBLAS uses inside a matrix product", def = "1", min = 1) int intraOpThreads) {

    public SasRecSettings {
        requireNonNull(earlyStopping, "earlyStopping is null");
    }

    /** {@code early-stopping}. */
    public record Stopping(
            @Param(value = "epochs without validation improvement before stopping (0: never stop early)", def = "20",
                    min = 0) int patience) {
    }
}
