package dev.m6rec.plugins.dl4j.vae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;

/**
 * The {@code vae} model's section: each component is one YAML key (see {@link VaeFactory}). The
 * paper's settings are {@code hidden: [600]}, {@code latent: 200}, {@code dropout: 0.5} and beta
 * annealed to 0.2 over 200,000 steps (on MovieLens-20M); the defaults keep its layer and dropout
 * but take a narrower code (100) and a faster anneal to a full KL term (beta 1.0 after 200 steps),
 * which scored best on MovieLens-100K's validation split and as well on the synthetic test data
 * (see examples/movielens-100k-vae.yaml).
 *
 * <pre>{@code
 * interest: { type: vae, hidden: [600], latent: 100, anneal-cap: 1.0, total-anneal-steps: 200 }
 * }</pre>
 */
public record VaeSettings(
        @Param(value = "widths of the encoder's tanh layers (the decoder mirrors them)", def = "[600]", above = 0)
        int[] hidden,
        @Param(value = "width of the latent code z", def = "100", above = 0) int latent,
        @Param(value = "probability of dropping each history item from the encoder's input in training", def = "0.5",
                min = 0, below = 1) double dropout,
        @Param(value = "the largest weight beta of the KL term", def = "1.0", min = 0) double annealCap,
        @Param(value = "gradient steps over which beta rises linearly from 0 to anneal-cap (0: anneal-cap at once)",
                def = "200", min = 0) int totalAnnealSteps,
        @Param(value = "training loop: the fused kernel, or DL4J's ComputationGraph.fit", def = "fused") Engine engine,
        @Param(value = "training epochs (passes over the users)", def = "200", min = 1) int epochs,
        @Param(value = "users per gradient step", def = "128", min = 1) int batchSize,
        @Param(value = "Adam learning rate", def = "0.001", above = 0) double learningRate,
        @Param(value = "decoupled weight decay: each step takes learning-rate x this off every weight", def = "0.0",
                min = 0) double weightDecay,
        @Param("early stopping on the run's validation metric") Stopping earlyStopping,
        @Param(value = "threads one network uses inside an op (OpenMP/OpenBLAS)", def = "1", min = 1)
        int intraOpThreads) {

    public VaeSettings {
        requireNonNull(hidden, "hidden is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(earlyStopping, "earlyStopping is null");
        hidden = hidden.clone();
    }

    /** {@code early-stopping}. */
    public record Stopping(
            @Param(value = "epochs without validation improvement before stopping (0: never stop early)", def = "20",
                    min = 0) int patience) {
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The KL weight of the step taken after {@code stepsTaken} steps: 0 at first, rising linearly to the cap. */
    public float beta(long stepsTaken) {
        if (totalAnnealSteps == 0) {
            return (float) annealCap;
        }
        return (float) Math.min(annealCap, (double) stepsTaken / totalAnnealSteps);
    }

    /** The shared training values; {@code dropout} is the input dropout, there are no negatives. */
    public TrainingSettings training() {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, dropout, 0,
                earlyStopping.patience(), intraOpThreads);
    }
}
