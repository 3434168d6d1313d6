package dev.m6rec.plugins.spark;

import dev.m6rec.api.config.Param;
import java.nio.file.Path;

/**
 * The {@code als} section: MLlib ALS's hyper-parameters under M6-Rec's names.
 *
 * <pre>{@code
 * interest: { type: als, rank: 32, iterations: 10, regularization: 0.1, feedback: implicit, alpha: 1.0,
 *             checkpoint-interval: 5, checkpoint-dir: runs/als-checkpoints }
 * }</pre>
 */
public record AlsSettings(
        @Param(value = "latent factors per user and item (MLlib rank)", def = "32", min = 1) int rank,
        @Param(value = "alternating passes (MLlib maxIter)", def = "10", min = 1) int iterations,
        @Param(value = "L2 penalty on the factors (MLlib regParam)", def = "0.1", min = 0) double regularization,
        @Param(value = "implicit: ratings are confidences of a preference (Hu et al. 2008); explicit: ratings are "
                + "predicted", def = "implicit") Feedback feedback,
        @Param(value = "implicit feedback: confidence growth per unit of rating", def = "1.0", min = 0) double alpha,
        @Param(value = "factors only >= 0", def = "false") boolean nonnegative,
        @Param(value = "user and item blocks of the factor tables (0 = Spark's default, 10)", def = "0", min = 0)
        int blocks,
        @Param(value = "checkpoint every N iterations to cut Spark's lineage (0 = off; needs checkpoint-dir)",
                def = "0", min = 0) int checkpointInterval,
        @Param("where checkpoints go, relative to the config file; on a cluster a path every node shares")
        Path checkpointDir) {

    /** How ratings are read. */
    public enum Feedback { IMPLICIT, EXPLICIT }
}
