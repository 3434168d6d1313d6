package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.Nd4jFloats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The {@code cnn} network's parameters as plain float arrays, one per DL4J parameter name
 * ({@code "horizontal-2_W"}, {@code "sequence-state_b"}, ...), each in DL4J's logical shape
 * flattened row-major: dense weights {@code [in][out]}, convolution weights
 * {@code [filters][channels][kernel]}, embedding tables {@code [rows][width]}. Copied from and
 * back into the graph's parameter views, so {@link CaserKernel} trains exactly DL4J's values and
 * persistence stays DL4J's. Each parameter also carries the weight decay DL4J applies to it, read
 * from the layer's configuration (after {@code WeightDecayOnce}: learning rate times the
 * configured value on weights, nothing on biases), so the kernel decays exactly what DL4J does.
 */
final class CaserParameters {
    private final Map<String, float[]> arrays = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Map<String, Float> decays = new LinkedHashMap<>();

    private CaserParameters() {
    }

    static CaserParameters of(ComputationGraph net) {
        CaserParameters p = new CaserParameters();
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            p.arrays.put(e.getKey(), Nd4jFloats.copyOf(e.getValue()));
            p.shapes.put(e.getKey(), e.getValue().shape());
            p.decays.put(e.getKey(), decay(net, e.getKey()));
        }
        return p;
    }

    /** The array of parameter {@code name} (shared: the kernel updates it in place). */
    float[] get(String name) {
        float[] values = arrays.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + arrays.keySet());
        }
        return values;
    }

    /** The share of parameter {@code name}'s value one DL4J training step removes as weight decay. */
    float decay(String name) {
        get(name);
        return decays.get(name);
    }

    /** DL4J's shape of parameter {@code name}. */
    long[] shape(String name) {
        get(name);
        return shapes.get(name).clone();
    }

    Iterable<String> names() {
        return arrays.keySet();
    }

    private static float decay(ComputationGraph net, String name) {
        int split = name.lastIndexOf('_');
        String param = name.substring(split + 1);
        TrainingConfig layer = net.getLayer(name.substring(0, split)).conf().getLayer();
        double learningRate = layer.getUpdaterByParam(param).getLearningRate(0, 0);
        double decay = 0;
        for (Regularization r : layer.getRegularizationByParam(param)) {
            if (!(r instanceof WeightDecay)) {
                throw new IllegalStateException("the fused kernel applies weight decay only, " + name + " has " + r);
            }
            WeightDecay w = (WeightDecay) r;
            decay += w.getCoeff().valueAt(0, 0) * (w.isApplyLR() ? learningRate : 1);
        }
        return (float) decay;
    }

    /** Writes every array back into the graph's parameter of the same name. */
    void writeTo(ComputationGraph net) {
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            INDArray param = net.getParam(e.getKey());
            param.assign(Nd4j.create(e.getValue(), param.shape(), 'c').castTo(DataType.FLOAT));
        }
    }
}
