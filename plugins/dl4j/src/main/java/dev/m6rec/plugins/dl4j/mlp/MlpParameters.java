package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.plugins.dl4j.Nd4jFloats;
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
    /**
     * The cold-start head ({@link MlpNetwork}), null without it: {@code [userFeatures + 1][width]}
     * user weights, {@code [width][numItems]} item vectors and {@code [numItems]} biases, and
     * {@code [width][itemFeatures]} item-feature weights (null without item features).
     */
    final float[] coldUserWeights;
    final float[] coldItemWeights;
    final float[] coldItemBias;
    final float[] coldFeatureWeights;
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
        boolean cold = shape.coldHead();
        int c = settings.coldHead();
        coldUserWeights = cold ? new float[(shape.userFeatures() + 1) * c] : null;
        coldItemWeights = cold ? new float[c * shape.numItems()] : null;
        coldItemBias = cold ? new float[shape.numItems()] : null;
        coldFeatureWeights = cold && shape.itemFeatures() > 0 ? new float[c * shape.itemFeatures()] : null;
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
        if (coldUserWeights != null) {
            copy(net.getParam("cold-user-vector_W"), coldUserWeights);
            copy(net.getParam("cold-items_W"), coldItemWeights);
            copy(net.getParam("cold-items_b"), coldItemBias);
        }
        if (coldFeatureWeights != null) {
            copy(net.getParam("cold-item-features_W"), coldFeatureWeights);
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
        if (coldUserWeights != null) {
            assign(net.getParam("cold-user-vector_W"), coldUserWeights);
            assign(net.getParam("cold-items_W"), coldItemWeights);
            assign(net.getParam("cold-items_b"), coldItemBias);
        }
        if (coldFeatureWeights != null) {
            assign(net.getParam("cold-item-features_W"), coldFeatureWeights);
        }
    }

    /**
     * Starts the cold-start head from popularity: user weights 0 and item biases at the centred
     * {@code log(1 + count)} of the training counts, so its first ranking is the most-popular one
     * and training learns how attributes tilt it; and sets its frozen layer to the item features.
     */
    static void initColdHead(ComputationGraph net, int[] itemCounts, FeatureMatrix itemFeatures) {
        net.getParam("cold-user-vector_W").assign(0);
        float[] bias = new float[itemCounts.length];
        double mean = 0;
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) Math.log1p(itemCounts[i]);
            mean += bias[i];
        }
        mean /= Math.max(1, bias.length);
        for (int i = 0; i < bias.length; i++) {
            bias[i] -= (float) mean;
        }
        assign(net.getParam("cold-items_b"), bias);
        if (itemFeatures.columns() > 0) {
            setItemFeatures(net, itemFeatures);
        }
    }

    /**
     * Sets the cold-start head's frozen layer to the item features, transposed: it is a constant
     * of the data, kept in the parameters so that a loaded network computes what the trained one did.
     */
    static void setItemFeatures(ComputationGraph net, FeatureMatrix itemFeatures) {
        INDArray frozen = net.getParam(MlpNetwork.COLD_FEATURE_LOGITS + "_W");
        int items = itemFeatures.rows();
        int width = itemFeatures.columns();
        float[] transposed = new float[width * items];
        float[] data = itemFeatures.data();
        for (int i = 0; i < items; i++) {
            for (int f = 0; f < width; f++) {
                transposed[f * items + i] = data[i * width + f];
            }
        }
        assign(frozen, transposed);
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
