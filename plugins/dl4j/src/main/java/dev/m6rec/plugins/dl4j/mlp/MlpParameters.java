package dev.m6rec.plugins.dl4j.mlp;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code mlp} network's parameters as plain row-major float arrays (weights {@code [in][out]},
 * the heads side by side as {@code [top][heads]}), copied from and back into the DL4J graph's
 * named parameter views, so the fused kernel and scorer see exactly DL4J's values.
 */
final class MlpParameters {
    final float[] userTable;
    final float[] itemTable;
    /** {@code [numItems][embedding]}: the history pooling's item vectors, or null when pooling is off. */
    final float[] historyTable;
    final float[][] weights;
    final float[][] biases;
    final float[] headWeights;
    final float[] headBias;
    final int heads;
    final int topWidth;
    private final MlpShape shape;

    MlpParameters(MlpSettings settings, MlpShape shape) {
        this.shape = shape;
        int e = settings.embedding();
        int[] widths = settings.hidden();
        userTable = new float[(shape.numUsers() + 1) * e];
        itemTable = new float[(shape.numItems() + 1) * e];
        historyTable = settings.history() ? new float[shape.numItems() * e] : null;
        weights = new float[widths.length][];
        biases = new float[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            int in = l == 0 ? 2 * e + shape.userFeatures() + shape.itemFeatures() : widths[l - 1];
            weights[l] = new float[in * widths[l]];
            biases[l] = new float[widths[l]];
        }
        heads = (shape.clickHead() ? 1 : 0) + (shape.ratingHead() ? 1 : 0);
        topWidth = widths[widths.length - 1] + (settings.gmf() ? e : 0) + (shape.neighbourhood() ? 1 : 0);
        headWeights = new float[topWidth * heads];
        headBias = new float[heads];
    }

    int clickColumn() {
        return shape.clickHead() ? 0 : -1;
    }

    int ratingColumn() {
        return shape.ratingHead() ? heads - 1 : -1;
    }

    static MlpParameters of(MlpSettings settings, MlpShape shape, ComputationGraph net) {
        MlpParameters p = new MlpParameters(settings, shape);
        p.readFrom(net);
        return p;
    }

    void readFrom(ComputationGraph net) {
        copy(net.getParam("user-embedding_W"), userTable);
        copy(net.getParam("item-embedding_W"), itemTable);
        if (historyTable != null) {
            copy(net.getParam(MlpNetwork.HISTORY + "_W"), historyTable);
        }
        for (int l = 0; l < weights.length; l++) {
            copy(net.getParam("hidden-" + l + "_W"), weights[l]);
            copy(net.getParam("hidden-" + l + "_b"), biases[l]);
        }
        float[] column = new float[topWidth];
        for (String head : headNames()) {
            int h = column(head);
            copy(net.getParam(head + "_W"), column);
            for (int t = 0; t < topWidth; t++) {
                headWeights[t * heads + h] = column[t];
            }
            headBias[h] = net.getParam(head + "_b").getFloat(0);
        }
    }

    void writeTo(ComputationGraph net) {
        assign(net.getParam("user-embedding_W"), userTable);
        assign(net.getParam("item-embedding_W"), itemTable);
        if (historyTable != null) {
            assign(net.getParam(MlpNetwork.HISTORY + "_W"), historyTable);
        }
        for (int l = 0; l < weights.length; l++) {
            assign(net.getParam("hidden-" + l + "_W"), weights[l]);
            assign(net.getParam("hidden-" + l + "_b"), biases[l]);
        }
        float[] column = new float[topWidth];
        for (String head : headNames()) {
            int h = column(head);
            for (int t = 0; t < topWidth; t++) {
                column[t] = headWeights[t * heads + h];
            }
            assign(net.getParam(head + "_W"), column);
            net.getParam(head + "_b").putScalar(0, headBias[h]);
        }
    }

    private java.util.List<String> headNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (shape.clickHead()) {
            names.add(MlpNetwork.CLICK);
        }
        if (shape.ratingHead()) {
            names.add(MlpNetwork.RATING);
        }
        return names;
    }

    private int column(String head) {
        return head.equals(MlpNetwork.CLICK) ? clickColumn() : ratingColumn();
    }

    private static void copy(INDArray param, float[] into) {
        float[] values = param.dup('c').data().asFloat();
        if (values.length != into.length) {
            throw new IllegalStateException("parameter of " + values.length + " values, expected " + into.length);
        }
        System.arraycopy(values, 0, into, 0, into.length);
    }

    private static void assign(INDArray param, float[] from) {
        param.assign(Nd4j.create(from, param.shape(), 'c').castTo(DataType.FLOAT));
    }
}
