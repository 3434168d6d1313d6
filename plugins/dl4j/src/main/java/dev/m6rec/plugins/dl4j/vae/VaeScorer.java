package dev.m6rec.plugins.dl4j.vae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.plugins.dl4j.train.ItemSubset;
import dev.m6rec.plugins.dl4j.train.SoftmaxRow;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Scores with a fitted {@code vae}: the history given at scoring time (training items, fresh
 * events, or a new user's first items) goes through the encoder to the posterior mean, and the
 * decoder turns that into each item's log-probability under the user's multinomial. No sampling:
 * z is the mean. An empty history (or one of items the model does not know) scores by the decoder
 * of z = 0, the prior's centre, which ranks like popularity. Immutable and thread-safe: every call
 * works in its own buffers.
 */
final class VaeScorer {
    static {
        Loader.load(openblas_nolapack.class);   // the OpenBLAS ND4J loads (see Gemm)
    }

    private final VaeParameters p;
    private final int numItems;
    /** Log-probabilities for an empty history. */
    private final float[] prior;

    /** {@code parameters} must not change afterwards (pass a copy of a training kernel's). */
    VaeScorer(VaeParameters parameters) {
        this.p = requireNonNull(parameters, "parameters is null");
        this.numItems = parameters.numItems;
        this.prior = decode(new float[parameters.latent]);
    }

    VaeParameters parameters() {
        return p;
    }

    void score(int[] history, int[] items, float[] out) {
        ItemSubset.gather(logProbabilities(history), items, out);
    }

    void scoreAll(int[] history, float[] out) {
        if (out.length != numItems) {
            throw new IllegalArgumentException("out has " + out.length + " entries, the model scores " + numItems
                    + " items");
        }
        System.arraycopy(logProbabilities(history), 0, out, 0, numItems);
    }

    /** Every item's log-probability given {@code history}. */
    float[] logProbabilities(int[] history) {
        MultiHot input = MultiHot.ofHistory(history, numItems);
        if (input.length(0) == 0) {
            return prior.clone();
        }
        return decode(posteriorMean(input));
    }

    /** The encoder's mean for the single row of {@code input}. */
    float[] posteriorMean(MultiHot input) {
        int[] hidden = p.hidden;
        float[] h = p.encoderBiases[0].clone();
        float scale = input.scale(0);
        for (int k = 0; k < input.length(0); k++) {
            VaeKernel.axpy(scale, p.encoderWeights[0], input.items[k] * hidden[0], h, 0, hidden[0]);
        }
        VaeKernel.tanh(h, hidden[0]);
        for (int l = 1; l < hidden.length; l++) {
            h = layer(h, p.encoderWeights[l], p.encoderBiases[l]);
            VaeKernel.tanh(h, h.length);
        }
        return layer(h, p.meanWeights, p.meanBias);
    }

    /** Log-softmax of the decoder's logits at {@code z}. */
    private float[] decode(float[] z) {
        int layers = p.hidden.length;
        float[] h = z;
        for (int l = 0; l < layers; l++) {
            h = layer(h, p.decoderWeights[l], p.decoderBiases[l]);
            VaeKernel.tanh(h, h.length);
        }
        float[] logits = layer(h, p.decoderWeights[layers], p.decoderBiases[layers]);
        float logSum = (float) SoftmaxRow.logSumExp(logits, 0, logits.length);
        for (int i = 0; i < logits.length; i++) {
            logits[i] -= logSum;
        }
        return logits;
    }

    /**
     * {@code in * w + bias} for one row ({@code w} row-major {@code [in][out]}), as a matrix-vector
     * product: OpenBLAS's sgemv is several times faster than a one-row sgemm here.
     */
    private static float[] layer(float[] in, float[] w, float[] bias) {
        float[] out = bias.clone();
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, in.length,
                out.length, 1f, w, out.length, in, 1, 1f, out, 1);
        return out;
    }

    /** Each item's column of the item layer: the vector the decoder's last hidden layer is matched against. */
    FeatureMatrix itemEmbeddings() {
        int width = p.itemVectorWidth();
        float[] w = p.decoderWeights[p.hidden.length];
        float[] vectors = new float[numItems * width];
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < numItems; i++) {
                vectors[i * width + k] = w[k * numItems + i];
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            names.add("vae-item-" + k);
        }
        return new FeatureMatrix(numItems, names, vectors);
    }
}
