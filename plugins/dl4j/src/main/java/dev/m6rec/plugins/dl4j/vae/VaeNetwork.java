package dev.m6rec.plugins.dl4j.vae;

import dev.m6rec.plugins.dl4j.graph.GraphBase;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Builds the {@code vae} network (Mult-VAE, Liang et al. 2018) as a DL4J computation graph:
 * <pre>
 * history [B, I] ─ l2-normalise ─ encoder-0 (tanh, input dropout) ... ─┬─ mean ─────────────────────────┐
 *                                                                      └─ log-variance ─ deviation ─┐   │
 * noise [B, latent] ─────────────────────────────────────────────────────────────────── spread (×) ─┴ z (+)
 * z ─ decoder-0 (tanh) ... ─ items (logits; multinomial likelihood)
 * [mean | log-variance] ─ kl (beta x KL to N(0, I))
 * </pre>
 * {@code z = mean + exp(log-variance / 2) * noise} ({@link DeviationActivation}, then an element-wise
 * product and sum); the noise is an input, drawn by the model from its seeded source, so DL4J's
 * backward pass covers the sampling and scoring feeds zeros (z = mean). The decoder's widths
 * mirror the encoder's. The labels of {@code items} are the history itself
 * ({@link MultinomialLikelihood}); those of {@code kl} hold beta ({@link KlToStandardNormal}).
 */
public final class VaeNetwork {
    static final String HISTORY = "history";
    static final String NOISE = "noise";
    static final String MEAN = "mean";
    static final String LOG_VARIANCE = "log-variance";
    static final String ITEMS = "items";
    static final String KL = "kl";

    private VaeNetwork() {
    }

    static String encoder(int layer) {
        return "encoder-" + layer;
    }

    static String decoder(int layer) {
        return "decoder-" + layer;
    }

    /** The network over {@code numItems} items for {@code settings}, its parameters initialised from {@code seed}. */
    public static ComputationGraphConfiguration configuration(VaeSettings settings, int numItems, long seed) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphBase.builder(settings.training(), seed);
        graph.addInputs(HISTORY, NOISE);
        graph.addVertex("normalised", new L2NormalizeVertex(new int[] {1}, L2NormalizeVertex.DEFAULT_EPS), HISTORY);
        int[] hidden = settings.hidden();
        int latent = settings.latent();
        double retain = 1 - settings.dropout();
        String previous = "normalised";
        int width = numItems;
        for (int l = 0; l < hidden.length; l++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(width).nOut(hidden[l]).activation(Activation.TANH);
            if (l == 0 && retain < 1) {
                dense.dropOut(retain);   // DL4J's dropOut takes the probability of keeping the layer's input
            }
            graph.addLayer(encoder(l), dense.build(), previous);
            previous = encoder(l);
            width = hidden[l];
        }
        graph.addLayer(MEAN, linear(width, latent), previous);
        graph.addLayer(LOG_VARIANCE, linear(width, latent), previous);
        graph.addLayer("deviation", new ActivationLayer.Builder().activation(new DeviationActivation()).build(),
                LOG_VARIANCE);
        graph.addVertex("spread", new ElementWiseVertex(ElementWiseVertex.Op.Product), "deviation", NOISE);
        graph.addVertex("z", new ElementWiseVertex(ElementWiseVertex.Op.Add), MEAN, "spread");
        graph.addVertex("posterior", new MergeVertex(), MEAN, LOG_VARIANCE);
        graph.addLayer(KL, new LossLayer.Builder(new KlToStandardNormal())
                .activation(Activation.IDENTITY).build(), "posterior");
        previous = "z";
        width = latent;
        for (int l = 0; l < hidden.length; l++) {
            int out = hidden[hidden.length - 1 - l];
            graph.addLayer(decoder(l),
                    new DenseLayer.Builder().nIn(width).nOut(out).activation(Activation.TANH).build(), previous);
            previous = decoder(l);
            width = out;
        }
        graph.addLayer(ITEMS, new OutputLayer.Builder(new MultinomialLikelihood()).nIn(width).nOut(numItems)
                .activation(Activation.IDENTITY).build(), previous);
        graph.setOutputs(ITEMS, KL);
        return GraphBase.build(graph);
    }

    private static DenseLayer linear(int in, int out) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(Activation.IDENTITY).build();
    }
}
