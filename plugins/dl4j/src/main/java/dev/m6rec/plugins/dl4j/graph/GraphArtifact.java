package dev.m6rec.plugins.dl4j.graph;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.plugins.dl4j.Nd4jFloats;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stores a network as its configuration JSON plus its flattened parameters as raw float32,
 * instead of DL4J's {@code ModelSerializer} zip (one of whose entries is read with Java
 * deserialization). On load the JSON is not trusted either: DL4J's JSON names classes, so the
 * model rebuilds its configuration from its own settings and this class only checks that the
 * stored JSON is the same network, then reads and checks the parameters.
 *
 * <pre>{@code
 * GraphArtifact.save(out, conf, net.params());
 * ComputationGraph net = GraphArtifact.loadGraph(in, conf);   // conf rebuilt from settings
 * }</pre>
 */
public final class GraphArtifact {
    public static final String NETWORK_FILE = "network.json";
    public static final String PARAMS_FILE = "params.f32";

    private GraphArtifact() {
    }

    public static void save(ArtifactWriter out, ComputationGraphConfiguration configuration, INDArray params) {
        out.writeText(NETWORK_FILE, configuration.toJson());
        out.writeFloats(PARAMS_FILE, Nd4jFloats.copyOf(params));
    }

    /**
     * Checks the stored network against {@code expected} (a configuration no graph was initialised
     * with: DL4J records its topological order and parameter names into it then) and returns its parameters as a
     * {@code [1, n]} float array; any mismatch, truncation or non-finite value is an
     * {@link ArtifactException} naming the file.
     */
    public static INDArray loadParams(ArtifactReader in, ComputationGraphConfiguration expected) {
        long numParams = numParams(expected);
        String stored = in.readText(NETWORK_FILE);
        if (!stored.equals(expected.toJson())) {
            throw new ArtifactException(in.location() + "/" + NETWORK_FILE
                    + ": the stored network differs from the one the configuration describes"
                    + " (was the artifact written with other settings or edited?)");
        }
        float[] values = in.readFiniteFloats(PARAMS_FILE);
        if (values.length != numParams) {
            throw new ArtifactException(in.location() + "/" + PARAMS_FILE + ": holds " + values.length
                    + " parameters, the network has " + numParams);
        }
        return Nd4jFloats.rowVector(values);
    }

    /**
     * A graph of {@code expected} on its stored parameters, checked as {@link #loadParams} checks them.
     * The graph is initialised on the loaded array itself: DL4J then makes its layers' weights views
     * of it and draws no initial values, where {@code init()} and {@code setParams} drew a random
     * value for every parameter and copied over it (about a third of reloading the serving
     * benchmark's mlp, 30 MB of parameters).
     */
    public static ComputationGraph loadGraph(ArtifactReader in, ComputationGraphConfiguration expected) {
        INDArray params = loadParams(in, expected);
        ComputationGraph net = new ComputationGraph(expected.clone());   // init writes into its configuration
        net.init(params, false);
        return net;
    }

    /** The number of parameters a graph of {@code configuration} has, without building one. */
    static long numParams(ComputationGraphConfiguration configuration) {
        long total = 0;
        for (GraphVertex vertex : configuration.getVertices().values()) {
            total += vertex.numParams(true);
        }
        return total;
    }
}
