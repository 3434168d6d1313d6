package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.plugins.dl4j.graph.GraphBase;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Builds the {@code mlp} network as a DL4J computation graph:
 * <pre>
 * user ─ embedding ─┐
 * history ─ dense ──┴ + ─ user vector ─┐                         ┌─ click  (sigmoid, alpha * cross-entropy)
 * item ─ embedding ────────────────────┼─ concat ─ dense ... ─ top┤
 * user features ───────────────────────┤        (gmf: uv * ie) ──┘└─ rating (linear, beta * squared error)
 * item features ───────────────────────┘
 *
 * [user features, 1] ─ dense ─ u ─┬─ dense (V, b) ──────────────────┐
 *                                 └─ dense (G) ─ frozen (F^T) ──────┴ + ─ cold (softmax over items)
 * </pre>
 * The second part is the cold-start head: a model of which items a user known only by attributes
 * picks, with parameters of its own; {@link MlpScorer} ranks such users with it.
 * Inputs are named {@code user}, {@code item}, then {@code history} (with history pooling on: the
 * user's training items other than the row's own, each {@code 1 / sqrt(count)}, so the bias-free
 * dense layer computes SVD++'s pooled item vectors), {@code user-features} and
 * {@code item-features} when their widths are non-zero, and {@code neighbourhood} (the item-kNN
 * score, joining the top vector) with the neighbourhood input on, and {@code cold-user} (the user
 * features and a constant 1) with the cold-start head, in that order.
 */
public final class MlpNetwork {
    public static final String CLICK = "click";
    public static final String RATING = "rating";
    public static final String HISTORY = "history-embedding";
    public static final String COLD = "cold";
    /** The cold-start head's fixed layer: its weights are the item features, transposed (see {@link #coldHead}). */
    public static final String COLD_FEATURE_LOGITS = "cold-feature-logits";

    private MlpNetwork() {
    }

    public static ComputationGraphConfiguration configuration(MlpSettings settings, MlpShape shape, long seed) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphBase.builder(settings.training(), seed);
        List<String> inputs = new ArrayList<>(List.of("user", "item"));
        if (settings.history()) {
            inputs.add("history");
        }
        int featureInputs = inputs.size();
        if (shape.userFeatures() > 0) {
            inputs.add("user-features");
        }
        if (shape.itemFeatures() > 0) {
            inputs.add("item-features");
        }
        int featureEnd = inputs.size();
        if (shape.neighbourhood()) {
            inputs.add("neighbourhood");
        }
        if (shape.coldHead()) {
            inputs.add("cold-user");
        }
        // Widths are set explicitly: DL4J's input-type inference would also rewrite the
        // embeddings' nIn (vocabulary size) from the index inputs' width of 1.
        graph.addInputs(inputs.toArray(String[]::new));

        graph.addLayer("user-embedding", GraphBase.embedding(shape.numUsers() + 1, settings.embedding()), "user");
        graph.addLayer("item-embedding", GraphBase.embedding(shape.numItems() + 1, settings.embedding()), "item");
        String userVector = "user-embedding";
        if (settings.history()) {
            graph.addLayer(HISTORY, new DenseLayer.Builder().nIn(shape.numItems()).nOut(settings.embedding())
                    .hasBias(false).activation(Activation.IDENTITY).weightInit(WeightInit.NORMAL).build(), "history");
            graph.addVertex("user-vector", new ElementWiseVertex(ElementWiseVertex.Op.Add), "user-embedding", HISTORY);
            userVector = "user-vector";
        }
        List<String> concat = new ArrayList<>(List.of(userVector, "item-embedding"));
        concat.addAll(inputs.subList(featureInputs, featureEnd));
        graph.addVertex("concat", new MergeVertex(), concat.toArray(String[]::new));

        Activation activation = settings.activation().dl4j();
        double retain = 1.0 - settings.training().dropout();
        String previous = "concat";
        int width = 2 * settings.embedding() + shape.userFeatures() + shape.itemFeatures();
        int[] hidden = settings.hidden();
        for (int i = 0; i < hidden.length; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(width).nOut(hidden[i]).activation(activation);
            if (i > 0 && retain < 1) {
                dense.dropOut(retain);   // DL4J's dropOut takes the probability of keeping the layer's input
            }
            graph.addLayer("hidden-" + i, dense.build(), previous);
            previous = "hidden-" + i;
            width = hidden[i];
        }
        List<String> top = new ArrayList<>(List.of(previous));
        if (settings.gmf()) {
            graph.addVertex("gmf", new ElementWiseVertex(ElementWiseVertex.Op.Product), userVector, "item-embedding");
            top.add("gmf");
            width += settings.embedding();
        }
        if (shape.neighbourhood()) {
            top.add("neighbourhood");
            width += 1;
        }
        if (top.size() > 1) {
            graph.addVertex("top", new MergeVertex(), top.toArray(String[]::new));
            previous = "top";
        }
        List<String> outputs = new ArrayList<>();
        if (shape.clickHead()) {
            graph.addLayer(CLICK, head(new OutputLayer.Builder().lossFunction(
                    new LossBinaryXENT(Nd4j.scalar(DataType.FLOAT, settings.loss().click()).reshape(1, 1)))
                    .activation(Activation.SIGMOID), width, retain), previous);
            outputs.add(CLICK);
        }
        if (shape.ratingHead()) {
            graph.addLayer(RATING, head(new OutputLayer.Builder().lossFunction(
                    new LossMSE(Nd4j.scalar(DataType.FLOAT, settings.loss().rating()).reshape(1, 1)))
                    .activation(Activation.IDENTITY), width, retain), previous);
            outputs.add(RATING);
        }
        if (shape.coldHead()) {
            coldHead(graph, settings.coldHead(), shape);
            outputs.add(COLD);
        }
        graph.setOutputs(outputs.toArray(String[]::new));
        return GraphBase.build(graph);
    }

    /**
     * The cold-start head: {@code u = [user features, 1] x W} (the constant row is the head's
     * "unknown user"), then logits over every item {@code u x V + b + (u x G) x F^T}, where
     * {@code F} is the item feature matrix, held in a frozen layer so that an item without
     * interactions still gets a score from its features; softmax cross-entropy against the
     * distribution of the user's training items, on one row per user and epoch, weighted by the
     * history's size through the label mask (see {@link MlpExamples#coldWeight}).
     */
    private static void coldHead(ComputationGraphConfiguration.GraphBuilder graph, int width, MlpShape shape) {
        graph.addLayer("cold-user-vector", linear(shape.userFeatures() + 1, width, false), "cold-user");
        graph.addLayer("cold-items", linear(width, shape.numItems(), true), "cold-user-vector");
        String logits = "cold-items";
        if (shape.itemFeatures() > 0) {
            graph.addLayer("cold-item-features", linear(width, shape.itemFeatures(), false), "cold-user-vector");
            graph.addLayer(COLD_FEATURE_LOGITS, new FrozenLayerWithBackprop(
                    linear(shape.itemFeatures(), shape.numItems(), false)), "cold-item-features");
            graph.addVertex("cold-logits", new ElementWiseVertex(ElementWiseVertex.Op.Add), "cold-items",
                    COLD_FEATURE_LOGITS);
            logits = "cold-logits";
        }
        graph.addLayer(COLD, new LossLayer.Builder(new LossMCXENT()).activation(Activation.SOFTMAX).build(), logits);
    }

    private static DenseLayer linear(int in, int out, boolean bias) {
        return new DenseLayer.Builder().nIn(in).nOut(out).hasBias(bias).activation(Activation.IDENTITY).build();
    }

    private static OutputLayer head(OutputLayer.Builder builder, int width, double retain) {
        builder.nIn(width).nOut(1);
        if (retain < 1) {
            builder.dropOut(retain);
        }
        return builder.build();
    }
}
