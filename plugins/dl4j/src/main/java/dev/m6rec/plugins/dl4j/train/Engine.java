package dev.m6rec.plugins.dl4j.train;

/**
 * The training loop a deep model runs, chosen by {@code engine:}: the fused kernel, or DL4J's own
 * {@code ComputationGraph.fit} (the reference the kernel is tested against).
 *
 * <pre>{@code
 * interest: { type: mlp, engine: graph }
 * }</pre>
 */
public enum Engine {
    FUSED,
    GRAPH
}
