package dev.m6rec.plugins.dl4j.graph;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Thread-safe inference over one set of fitted parameters. A DL4J {@link ComputationGraph}
 * keeps per-call state and its {@code output} methods are synchronized, so sharing one graph
 * would serialise every request. Instead each concurrent caller borrows its own replica (same
 * configuration, private copy of the parameters); replicas are made on demand and reused, so
 * the pool grows to the number of threads that actually score at once.
 *
 * <pre>{@code
 * GraphReplicas replicas = new GraphReplicas(conf, net.params());
 * INDArray[] out = replicas.apply(graph -> graph.output(false, inputs));
 * }</pre>
 */
public final class GraphReplicas {
    private final ComputationGraphConfiguration configuration;
    private final INDArray params;
    private final ConcurrentLinkedDeque<ComputationGraph> idle = new ConcurrentLinkedDeque<>();

    /** Copies {@code params}, so later training steps on the source do not leak into scoring. */
    public GraphReplicas(ComputationGraphConfiguration configuration, INDArray params) {
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.params = requireNonNull(params, "params is null").dup();
    }

    /** Runs {@code work} with a replica no other thread uses meanwhile. */
    public <T> T apply(Function<ComputationGraph, T> work) {
        ComputationGraph graph = idle.pollFirst();
        if (graph == null) {
            graph = newReplica();
        }
        try {
            return work.apply(graph);
        } finally {
            idle.offerFirst(graph);
        }
    }

    /** The parameters every replica starts from (a private copy; do not modify). */
    public INDArray params() {
        return params;
    }

    private ComputationGraph newReplica() {
        ComputationGraph graph = new ComputationGraph(configuration.clone());
        graph.init(params.dup(), false);
        return graph;
    }
}
