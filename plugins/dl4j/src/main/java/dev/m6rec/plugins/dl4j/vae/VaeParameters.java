package dev.m6rec.plugins.dl4j.vae;

import dev.m6rec.plugins.dl4j.Nd4jFloats;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code vae} network's parameters as plain row-major float arrays (weights {@code [in][out]}),
 * copied from and back into the DL4J graph's named parameter views, so the fused kernel and the
 * scorer see exactly DL4J's values. The dense layers are listed in graph order: the encoder's,
 * then mean and log-variance, then the decoder's with the item layer last.
 */
final class VaeParameters {
    final int numItems;
    final int[] hidden;
    final int latent;
    /** {@code encoder[l]} / {@code decoder[l]} weights; the decoder's last entry is the item layer. */
    final float[][] encoderWeights;
    final float[][] encoderBiases;
    final float[] meanWeights;
    final float[] meanBias;
    final float[] logVarianceWeights;
    final float[] logVarianceBias;
    final float[][] decoderWeights;
    final float[][] decoderBiases;

    VaeParameters(int numItems, int[] hidden, int latent) {
        this.numItems = numItems;
        this.hidden = hidden.clone();
        this.latent = latent;
        int layers = hidden.length;
        encoderWeights = new float[layers][];
        encoderBiases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? numItems : hidden[l - 1];
            encoderWeights[l] = new float[in * hidden[l]];
            encoderBiases[l] = new float[hidden[l]];
        }
        int top = hidden[layers - 1];
        meanWeights = new float[top * latent];
        meanBias = new float[latent];
        logVarianceWeights = new float[top * latent];
        logVarianceBias = new float[latent];
        decoderWeights = new float[layers + 1][];
        decoderBiases = new float[layers + 1][];
        int in = latent;
        for (int l = 0; l <= layers; l++) {
            int out = l == layers ? numItems : hidden[layers - 1 - l];
            decoderWeights[l] = new float[in * out];
            decoderBiases[l] = new float[out];
            in = out;
        }
    }

    static VaeParameters of(VaeSettings settings, int numItems, ComputationGraph net) {
        VaeParameters p = new VaeParameters(numItems, settings.hidden(), settings.latent());
        p.readFrom(net);
        return p;
    }

    /** Input width of decoder layer {@code l} (the item layer is {@code l = hidden.length}). */
    int decoderIn(int l) {
        return l == 0 ? latent : hidden[hidden.length - l];
    }

    /** Output width of decoder layer {@code l}. */
    int decoderOut(int l) {
        return l == hidden.length ? numItems : hidden[hidden.length - 1 - l];
    }

    /** Width of the last decoder hidden layer: the length of an item's vector in the item layer. */
    int itemVectorWidth() {
        return decoderIn(hidden.length);
    }

    void readFrom(ComputationGraph net) {
        forEachParameter((name, values) -> copy(net.getParam(name), values));
    }

    void writeTo(ComputationGraph net) {
        forEachParameter((name, values) -> assign(net.getParam(name), values));
    }

    /** Every parameter array with its DL4J parameter name, in the graph's layer order. */
    private void forEachParameter(java.util.function.BiConsumer<String, float[]> action) {
        for (int l = 0; l < hidden.length; l++) {
            action.accept(VaeNetwork.encoder(l) + "_W", encoderWeights[l]);
            action.accept(VaeNetwork.encoder(l) + "_b", encoderBiases[l]);
        }
        action.accept(VaeNetwork.MEAN + "_W", meanWeights);
        action.accept(VaeNetwork.MEAN + "_b", meanBias);
        action.accept(VaeNetwork.LOG_VARIANCE + "_W", logVarianceWeights);
        action.accept(VaeNetwork.LOG_VARIANCE + "_b", logVarianceBias);
        for (int l = 0; l <= hidden.length; l++) {
            action.accept(decoderName(l) + "_W", decoderWeights[l]);
            action.accept(decoderName(l) + "_b", decoderBiases[l]);
        }
    }

    /** The DL4J layer name of decoder layer {@code l}: {@code decoder-l}, or {@code items} for the last. */
    String decoderName(int l) {
        return l == hidden.length ? VaeNetwork.ITEMS : VaeNetwork.decoder(l);
    }

    private static void copy(INDArray param, float[] into) {
        float[] values = Nd4jFloats.copyOf(param);
        if (values.length != into.length) {
            throw new IllegalStateException("parameter of " + values.length + " values, expected " + into.length);
        }
        System.arraycopy(values, 0, into, 0, into.length);
    }

    private static void assign(INDArray param, float[] from) {
        param.assign(Nd4j.create(from, param.shape(), 'c').castTo(DataType.FLOAT));
    }
}
