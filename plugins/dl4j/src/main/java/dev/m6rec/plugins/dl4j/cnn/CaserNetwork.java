package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.graph.GraphBase;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;

import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the {@code cnn} (Caser) network as a DL4J computation graph:
 * <pre>
 * sequence [B, L] ─ item embeddings ─ image [B, 1, d, L] ─┬─ horizontal conv (d x h) ─ max over time ─┐
 *                                                          └─ vertical conv (1 x L) ─ flatten ─────────┤
 *                                              dense (d, relu) ─ sequence-state ─┐                     │
 * user ─ user embedding ─────────────────────────────────────────────────────────┴─ state [B, 2d]
 * target ─ target embedding [2d] (+ text vector) ⊙ state ; target bias ─ next (sigmoid, cross-entropy)
 *
 * with the text encoder on (text-CNN, Kim 2014):
 * text [B, T] ─ word embeddings [B, e, T] ─ 1-D conv (width w) ─ max over positions ─┐ (each width)
 *                                                         merge ─ dense [2d] ─ text vector
 * </pre>
 * The score of an item is {@code sigmoid(w · (state ⊙ q_item) + w_b * bias_item + b)}, so once
 * a user's state is known every item is scored with one dot product (see {@link CaserScorer}).
 * {@code q_item} is the item's target embedding, plus the encoding of its words when the text
 * encoder is on; an item without training interactions uses the padding row as its embedding, so
 * its words alone tell it apart. The encoder trains jointly with the rest, from positives and
 * sampled negatives alike.
 */
public final class CaserNetwork {
    static final String SEQUENCE_STATE = "sequence-state";
    static final String USER_EMBEDDING = "user-embedding";
    static final String TARGET_EMBEDDING = "target-embedding";
    static final String TARGET_BIAS = "target-bias";
    static final String NEXT = "next";
    static final String TEXT_VECTOR = "text-vector";

    private CaserNetwork() {
    }

    /**
     * The network for {@code settings} over {@code shape}; {@code vocabularySize} is the text
     * encoder's word count (padding and unknown included), 0 when the encoder is off.
     */
    public static ComputationGraphConfiguration configuration(CaserSettings settings, CaserShape shape,
                                                              int vocabularySize, long seed) {
        if (settings.text().enabled() != vocabularySize > 0) {
            throw new IllegalArgumentException("vocabulary size " + vocabularySize + " with the text encoder "
                    + (settings.text().enabled() ? "on" : "off"));
        }
        int d = settings.embedding();
        int length = settings.length();
        int horizontal = settings.horizontalFilters();
        int vertical = settings.verticalFilters();
        ComputationGraphConfiguration.GraphBuilder graph = GraphBase.builder(settings.training(), seed);
        // Widths are explicit (no input-type inference), which would rewrite the embeddings' vocabulary sizes.
        if (settings.text().enabled()) {
            graph.addInputs("sequence", "user", "target", "text");
        } else {
            graph.addInputs("sequence", "user", "target");
        }
        graph.addLayer("sequence-embedding", new EmbeddingSequenceLayer.Builder().nIn(shape.numItems() + 1).nOut(d)
                .inputLength(length).hasBias(false).weightInit(WeightInit.NORMAL).build(), "sequence");
        graph.addVertex("image", new ReshapeVertex('c', new int[] {-1, 1, d, length}, null), "sequence-embedding");
        List<String> features = new ArrayList<>();
        for (int h : settings.heights()) {
            graph.addLayer("horizontal-" + h, new ConvolutionLayer.Builder(d, h).nIn(1).nOut(horizontal)
                    .activation(Activation.RELU).build(), "image");
            graph.addLayer("pool-" + h, new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "horizontal-" + h);
            features.add("pool-" + h);
        }
        if (vertical > 0) {
            graph.addLayer("vertical", new ConvolutionLayer.Builder(1, length).nIn(1).nOut(vertical)
                    .activation(Activation.IDENTITY).build(), "image");
            graph.addVertex("vertical-flat", new ReshapeVertex('c', new int[] {-1, vertical * d}, null), "vertical");
            features.add("vertical-flat");
        }
        graph.addVertex("convolutions", new MergeVertex(), features.toArray(String[]::new));
        DenseLayer.Builder sequenceState = new DenseLayer.Builder()
                .nIn(horizontal * settings.heights().length + vertical * d).nOut(d).activation(Activation.RELU);
        double retain = 1 - settings.training().dropout();
        if (retain < 1) {
            sequenceState.dropOut(retain);   // DL4J's dropOut takes the probability of keeping the input
        }
        graph.addLayer(SEQUENCE_STATE, sequenceState.build(), "convolutions");
        graph.addLayer(USER_EMBEDDING, GraphBase.embedding(shape.numUsers() + 1, d), "user");
        graph.addVertex("state", new MergeVertex(), SEQUENCE_STATE, USER_EMBEDDING);
        graph.addLayer(TARGET_EMBEDDING, GraphBase.embedding(shape.numItems() + 1, 2 * d), "target");
        graph.addLayer(TARGET_BIAS, GraphBase.embedding(shape.numItems() + 1, 1), "target");
        String target = TARGET_EMBEDDING;
        if (settings.text().enabled()) {
            addTextEncoder(graph, settings.text(), vocabularySize, 2 * d);
            graph.addVertex("target-vector", new ElementWiseVertex(ElementWiseVertex.Op.Add), TARGET_EMBEDDING,
                    TEXT_VECTOR);
            target = "target-vector";
        }
        graph.addVertex("match", new ElementWiseVertex(ElementWiseVertex.Op.Product), "state", target);
        graph.addVertex("logit-input", new MergeVertex(), "match", TARGET_BIAS);
        graph.addLayer(NEXT, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(2 * d + 1).nOut(1)
                .activation(Activation.SIGMOID).build(), "logit-input");
        graph.setOutputs(NEXT);
        return GraphBase.build(graph);
    }

    /** Words ─ 1-D convolutions ─ max over positions ─ dense: the text vector of input "text". */
    private static void addTextEncoder(ComputationGraphConfiguration.GraphBuilder graph, TextEncoderSettings text,
                                       int vocabularySize, int width) {
        graph.addLayer("text-words", new EmbeddingSequenceLayer.Builder().nIn(vocabularySize)
                .nOut(text.wordEmbedding()).inputLength(text.tokens()).hasBias(false).weightInit(WeightInit.NORMAL)
                .build(), "text");
        List<String> pooled = new ArrayList<>();
        for (int w : text.widths()) {
            graph.addLayer("text-conv-" + w, new Convolution1DLayer.Builder(w).nIn(text.wordEmbedding())
                    .nOut(text.filters()).activation(Activation.RELU).build(), "text-words");
            graph.addLayer("text-pool-" + w, new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "text-conv-" + w);
            pooled.add("text-pool-" + w);
        }
        graph.addVertex("text-features", new MergeVertex(), pooled.toArray(String[]::new));
        graph.addLayer(TEXT_VECTOR, new DenseLayer.Builder().nIn(text.filters() * pooled.size()).nOut(width)
                .activation(Activation.IDENTITY).build(), "text-features");
    }
}
