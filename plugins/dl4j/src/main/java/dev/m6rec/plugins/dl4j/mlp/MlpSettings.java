package dev.m6rec.plugins.dl4j.mlp;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code mlp} model's section: each component is one YAML key (see {@link MlpFactory}), the
 * training ones with the defaults tuned on the quick-start data (see examples/quickstart-mlp.yaml).
 *
 * <pre>{@code
 * interest: { type: mlp, hidden: [64, 32], loss: { click: 1.0, rating: 0.1 }, early-stopping: { patience: 2 } }
 * }</pre>
 */
public record MlpSettings(
        @Param(value = "width of the user and item id embeddings", def = "32", above = 0) int embedding,
        @Param(value = "widths of the MLP tower", def = "[128, 64]", above = 0) int[] hidden,
        @Param(value = "tower activation", def = "relu") TowerActivation activation,
        @Param(value = "add the element-wise product of the embeddings beside the tower (NeuMF)", def = "true")
        boolean gmf,
        @Param(value = "add the pooled embeddings of the user's history items to the user vector (SVD++), so events"
                + " recorded after training move the scores at once", def = "true") boolean history,
        @Param(value = "when the run has a similarity section: neighbours per item whose similarity to the user's"
                + " history (the item-kNN score) feeds the heads (0: off)", def = "50", min = 0) int neighbourhood,
        @Param(value = "width of the cold-start head (0: none): beside the network, a softmax over all items from the"
                + " user's features alone, trained on every training interaction, that ranks users without training"
                + " interactions or history (when ranking by click)", def = "4", min = 0) int coldHead,
        @Param("weights of the two losses") Loss loss,
        @Param(value = "ranking score: click probability, predicted rating or a blend", def = "auto") RankBy rankBy,
        @Param(value = "share of the scaled rating in a blended ranking score", def = "0.5", min = 0, max = 1)
        double blendWeight,
        @Param(value = "probability of hiding ids in training so features learn cold start", def = "0.1", min = 0,
                below = 1) double idDropout,
        @Param(value = "training loop: the fused kernel, or DL4J's ComputationGraph.fit", def = "fused") Engine engine,
        @Param(value = "training epochs", def = "30", min = 1) int epochs,
        @Param(value = "rows per gradient step", def = "256", min = 1) int batchSize,
        @Param(value = "Adam learning rate", def = "0.002", above = 0) double learningRate,
        @Param(value = "decoupled weight decay: each step takes learning-rate x this off every weight", def = "0.01",
                min = 0) double weightDecay,
        @Param(value = "dropout probability on hidden activations", def = "0.2", min = 0, below = 1) double dropout,
        @Param(value = "sampled negative items per positive", def = "8", min = 0) int negatives,
        @Param("early stopping on the run's validation metric") Stopping earlyStopping,
        @Param(value = "training threads: the fused engine splits each batch over them (data parallel, gradients"
                + " summed; deterministic for a given count), the graph engine gives them to ND4J's ops", def = "1",
                min = 1)
        int intraOpThreads) {

    public MlpSettings {
        requireNonNull(hidden, "hidden is null");
        requireNonNull(activation, "activation is null");
        requireNonNull(loss, "loss is null");
        requireNonNull(rankBy, "rankBy is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(earlyStopping, "earlyStopping is null");
        hidden = hidden.clone();
    }

    /** {@code loss}: the weights of the multi-task objective {@code alpha * CE + beta * MSE}. */
    public record Loss(
            @Param(value = "alpha: weight of the click cross-entropy (0: no click head)", def = "0.5", min = 0)
            double click,
            @Param(value = "beta: weight of the rating squared error (0: no rating head)", def = "0.5", min = 0)
            double rating) {
    }

    /** {@code early-stopping}. */
    public record Stopping(
            @Param(value = "epochs without validation improvement before stopping (0: never stop early)", def = "3",
                    min = 0) int patience) {
    }

    /** How the model turns its heads into one ranking score. */
    public enum RankBy {
        /** Click probability when the click head is trained, else the predicted rating. */
        AUTO,
        CLICK,
        RATING,
        /** {@code (1 - w) * click + w * rating scaled to [0, 1]}. */
        BLEND
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public TrainingSettings training() {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, dropout, negatives,
                earlyStopping.patience(), intraOpThreads);
    }

    public boolean hasClickHead() {
        return loss.click() > 0;
    }

    public boolean wantsRatingHead() {
        return loss.rating() > 0;
    }

    /** Whether the cold-start head is trained: requested, and the ranking score is the click probability. */
    public boolean wantsColdHead() {
        return coldHead > 0 && hasClickHead() && (rankBy == RankBy.AUTO || rankBy == RankBy.CLICK);
    }
}
