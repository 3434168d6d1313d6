package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.config.Param;
import java.util.List;

/**
 * The {@code stack} section: which base models recall and score candidates, and how the ranker
 * over their scores is trained.
 */
public record StackSettings(
        @Param(value = "the base models: each recalls candidates and its scores feed the ranker", required = true)
        List<InterestModelSection> base,
        @Param(value = "items each base model adds to a user's candidate set", def = "100", min = 1) int candidates,
        @Param(value = "share of each user's training interactions held out to train the ranker (the base models "
                + "are then refitted on all of them)", def = "0.2", above = 0, below = 1) double holdout,
        @Param(value = "feed the user's and the item's encoded features to the ranker", def = "true") boolean features,
        @Param("the ranker network") RankerSettings ranker) {

    /** {@code ranker: {...}}: the MLP that orders each user's candidates. */
    public record RankerSettings(
            @Param(value = "widths of the ranker's hidden layers", def = "[32]", above = 0) int[] hidden,
            @Param(value = "ranker training epochs (at most)", def = "30", min = 1) int epochs,
            @Param(value = "the ranker's Adam learning rate", def = "0.01", above = 0) double learningRate,
            @Param(value = "decoupled weight decay on the ranker's weights", def = "0", min = 0) double weightDecay,
            @Param(value = "users per ranker gradient step", def = "16", min = 1) int batchUsers,
            @Param(value = "share of the held-out users kept to choose the ranker's epoch", def = "0.1", above = 0,
                    below = 1) double validation,
            @Param("when the ranker stops") Stopping earlyStopping) {
    }

    /** {@code ranker.early-stopping}. */
    public record Stopping(
            @Param(value = "ranker epochs without validation improvement before stopping (0: never stop early)",
                    def = "5", min = 0) int patience) {
    }
}
