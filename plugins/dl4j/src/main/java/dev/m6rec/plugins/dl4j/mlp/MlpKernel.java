package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The {@code mlp} network's training step fused into one pass over preallocated float arrays:
 * embedding gathers, the tower's matrix products (OpenBLAS through {@link Gemm}), activations,
 * both heads and their losses, the backward pass and Adam, for exactly the graph that
 * {@link MlpNetwork} describes. DL4J's own {@code ComputationGraph.fit} spends tens of
 * microseconds per op on bookkeeping, which for recommender-sized layers costs several times
 * the arithmetic; here a step is a handful of BLAS calls plus tight loops.
 *
 * <p>It trains an {@link MlpParameters} in place, which is copied from and back into the DL4J
 * network (same values, same initialisation), so persistence and the configuration JSON stay
 * DL4J's. Embedding
 * tables use lazy Adam (only rows seen in the batch move, as with sparse gradients); the tower
 * and heads use dense Adam with DL4J's defaults. Weight decay is decoupled and skips biases.
 * Dropout is inverted dropout on each dense layer's input except the first, like the graph's.
 */
final class MlpKernel {

    private final MlpShape shape;
    private final MlpParameters parameters;
    private final int embedding;
    private final int inputWidth;
    private final int[] widths;
    private final int topWidth;
    private final boolean gmf;
    /** The column of the top vector that carries the item-kNN score, or -1. */
    private final int neighbourColumn;
    private final float[] neighbourhood;
    private final int heads;
    private final int clickColumn;
    private final int ratingColumn;
    private final TowerActivation activation;
    private final float retain;
    private final float clickWeight;
    private final float ratingWeight;
    private final float learningRate;
    private final int maxRows;
    /** The history pooling's table and its training state; null when pooling is off. */
    private final HistoryPool history;
    /** The cold-start head's training state; null without the head. */
    private final ColdHeadKernel cold;

    // Parameters (row-major; weights are [in][out]).
    private final float[] userTable;
    private final float[] itemTable;
    private final float[][] weights;
    private final float[][] biases;
    private final float[] headWeights;
    private final float[] headBias;
    // Each parameter with its gradient and Adam moments; the tables take lazy Adam on the rows a batch touches.
    private final AdamParameter userParam;
    private final AdamParameter itemParam;
    private final AdamParameter[] weightParams;
    private final AdamParameter[] biasParams;
    private final AdamParameter headWeightParam;
    private final AdamParameter headBiasParam;
    // Activations and their gradients for one batch.
    private final float[] x;
    private final float[][] layerInput;
    private final float[][] dropMask;
    private final float[][] z;
    private final float[][] a;
    private final float[][] dz;
    private final float[] top;
    private final float[] topMask;
    private final float[] headOut;
    private final float[] headGrad;
    private final float[] topGrad;
    private final float[] scratch;
    private final float[] embeddingGrad;

    private int step;
    private double clickLossSum;
    private long clickRows;
    private double ratingLossSum;
    private long ratedRows;

    /**
     * A kernel training {@code parameters} in place, for batches of up to {@code maxRows} rows;
     * {@code histories} (users' training items) feed the history pooling when it is on.
     */
    MlpKernel(MlpSettings settings, MlpShape shape, MlpParameters parameters, SparseRows histories, int maxRows) {
        this.shape = shape;
        this.parameters = parameters;
        this.embedding = settings.embedding();
        this.inputWidth = 2 * embedding + shape.userFeatures() + shape.itemFeatures();
        this.widths = settings.hidden();
        this.gmf = settings.gmf();
        this.neighbourColumn = shape.neighbourhood() ? widths[widths.length - 1] + (gmf ? embedding : 0) : -1;
        this.topWidth = widths[widths.length - 1] + (gmf ? embedding : 0) + (shape.neighbourhood() ? 1 : 0);
        this.neighbourhood = new float[maxRows];
        this.heads = (shape.clickHead() ? 1 : 0) + (shape.ratingHead() ? 1 : 0);
        this.clickColumn = shape.clickHead() ? 0 : -1;
        this.ratingColumn = shape.ratingHead() ? heads - 1 : -1;
        this.activation = settings.activation();
        this.retain = (float) (1 - settings.training().dropout());
        this.clickWeight = (float) settings.loss().click();
        this.ratingWeight = (float) settings.loss().rating();
        this.learningRate = (float) settings.training().learningRate();
        this.maxRows = maxRows;
        float decay = learningRate * (float) settings.training().weightDecay();   // decoupled: biases take none
        this.history = parameters.historyTable == null ? null
                : new HistoryPool(parameters.historyTable, embedding, histories, maxRows, decay);
        this.cold = shape.coldHead() ? new ColdHeadKernel(parameters, shape, settings.coldHead(), histories, maxRows,
                decay) : null;

        userTable = parameters.userTable;
        itemTable = parameters.itemTable;
        userParam = AdamParameter.table(userTable, embedding, decay);
        itemParam = AdamParameter.table(itemTable, embedding, decay);

        int layers = widths.length;
        weights = new float[layers][];
        biases = new float[layers][];
        weightParams = new AdamParameter[layers];
        biasParams = new AdamParameter[layers];
        layerInput = new float[layers][];
        dropMask = new float[layers][];
        z = new float[layers][];
        a = new float[layers][];
        dz = new float[layers][];
        int scratchWidth = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputWidth : widths[l - 1];
            int out = widths[l];
            weights[l] = parameters.weights[l];
            biases[l] = parameters.biases[l];
            weightParams[l] = AdamParameter.dense(weights[l], decay);
            biasParams[l] = AdamParameter.dense(biases[l], 0f);
            if (l > 0) {
                layerInput[l] = retain < 1 ? new float[maxRows * in] : null;
                dropMask[l] = retain < 1 ? new float[maxRows * in] : null;
                scratchWidth = Math.max(scratchWidth, in);
            }
            z[l] = new float[maxRows * out];
            a[l] = new float[maxRows * out];
            dz[l] = new float[maxRows * out];
        }
        headWeights = parameters.headWeights;
        headBias = parameters.headBias;
        headWeightParam = AdamParameter.dense(headWeights, decay);
        headBiasParam = AdamParameter.dense(headBias, 0f);
        x = new float[maxRows * inputWidth];
        top = new float[maxRows * topWidth];
        topMask = retain < 1 ? new float[maxRows * topWidth] : null;
        headOut = new float[maxRows * heads];
        headGrad = new float[maxRows * heads];
        topGrad = new float[maxRows * topWidth];
        scratch = new float[maxRows * Math.max(1, scratchWidth)];
        embeddingGrad = new float[maxRows * 2 * embedding];
    }

    // ---------------------------------------------------------------- training

    /** One Adam step on rows {@code [start, start + rows)} of {@code examples}. */
    void step(MlpExamples examples, int start, int rows, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
              RandomGenerator rng) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows exceed the kernel's " + maxRows);
        }
        gradients(examples, start, rows, userFeatures, itemFeatures, rng);
        update();
    }

    /** Forward and backward pass only; the gradients are left in the gradient arrays (tests compare them). */
    void gradients(MlpExamples examples, int start, int rows, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
                   RandomGenerator rng) {
        gatherInputs(examples, start, rows, userFeatures, itemFeatures);
        forward(rows, rng);
        headGradients(examples, start, rows);
        backward(examples, start, rows);
        if (cold != null) {
            cold.gradients(examples, start, rows, userFeatures.data(), itemFeatures.data());
        }
    }

    private void gatherInputs(MlpExamples examples, int start, int rows, FeatureMatrix userFeatures,
                              FeatureMatrix itemFeatures) {
        int uw = shape.userFeatures();
        int iw = shape.itemFeatures();
        float[] userData = userFeatures.data();
        float[] itemData = itemFeatures.data();
        if (history != null) {
            history.begin();
        }
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            int base = r * inputWidth;
            System.arraycopy(userTable, examples.userRows[e] * embedding, x, base, embedding);
            if (history != null) {
                history.pool(r, examples.users[e], examples.items[e], examples.observed(e), examples.historyHidden[e],
                        x, base);
            }
            System.arraycopy(itemTable, examples.itemRows[e] * embedding, x, base + embedding, embedding);
            neighbourhood[r] = examples.neighbourhood[e];
            if (uw > 0) {
                System.arraycopy(userData, examples.users[e] * uw, x, base + 2 * embedding, uw);
            }
            if (iw > 0) {
                System.arraycopy(itemData, examples.items[e] * iw, x, base + 2 * embedding + uw, iw);
            }
        }
    }

    private void forward(int rows, RandomGenerator rng) {
        float[] input = x;
        int in = inputWidth;
        for (int l = 0; l < widths.length; l++) {
            if (l > 0 && retain < 1) {
                dropout(a[l - 1], layerInput[l], dropMask[l], rows * in, rng);
                input = layerInput[l];
            }
            int out = widths[l];
            Gemm.multiply(rows, out, in, input, in, false, weights[l], out, false, z[l], 0f);
            activate(z[l], biases[l], a[l], rows, out);
            input = a[l];
            in = out;
        }
        int last = widths[widths.length - 1];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(input, r * last, top, r * topWidth, last);
            if (gmf) {
                int xb = r * inputWidth;
                int tb = r * topWidth + last;
                for (int k = 0; k < embedding; k++) {
                    top[tb + k] = x[xb + k] * x[xb + embedding + k];
                }
            }
            if (neighbourColumn >= 0) {
                top[r * topWidth + neighbourColumn] = neighbourhood[r];
            }
        }
        if (retain < 1) {
            dropout(top, top, topMask, rows * topWidth, rng);
        }
        Gemm.multiply(rows, heads, topWidth, top, topWidth, false, headWeights, heads, false, headOut, 0f);
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < heads; h++) {
                headOut[r * heads + h] += headBias[h];
            }
        }
    }

    private void dropout(float[] source, float[] target, float[] mask, int n, RandomGenerator rng) {
        float scale = 1f / retain;
        for (int i = 0; i < n; i++) {
            float m = rng.nextFloat() < retain ? scale : 0f;
            mask[i] = m;
            target[i] = source[i] * m;
        }
    }

    private void activate(float[] pre, float[] bias, float[] post, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                pre[base + j] += bias[j];
            }
        }
        activation.apply(pre, post, rows * width);
    }

    /** {@code grad *= activation'(pre)} elementwise, using the stored pre- and post-activations. */
    private void activationGradient(float[] grad, float[] pre, float[] post, int n) {
        activation.backward(grad, pre, post, n);
    }

    private void headGradients(MlpExamples examples, int start, int rows) {
        float perRow = 1f / rows;   // DL4J averages every head's loss over the whole minibatch
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            if (clickColumn >= 0) {
                int o = r * heads + clickColumn;
                float p = sigmoid(headOut[o]);
                float y = examples.clicks[e];
                headGrad[o] = clickWeight * (p - y) * perRow;
                float clipped = Math.min(Math.max(p, 1e-7f), 1 - 1e-7f);
                clickLossSum -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped);
                clickRows++;
            }
            if (ratingColumn >= 0) {
                int o = r * heads + ratingColumn;
                float mask = examples.ratingMask[e];
                float error = headOut[o] - examples.ratings[e];
                headGrad[o] = ratingWeight * 2f * error * mask * perRow;
                if (mask > 0) {
                    ratingLossSum += error * error;
                    ratedRows++;
                }
            }
        }
    }

    private void backward(MlpExamples examples, int start, int rows) {
        // Heads: weight and bias gradients, then the gradient at the top vector.
        Gemm.multiply(topWidth, heads, rows, top, topWidth, true, headGrad, heads, false, headWeightParam.gradient, 0f);
        columnSums(headGrad, rows, heads, headBiasParam.gradient);
        Gemm.multiply(rows, topWidth, heads, headGrad, heads, false, headWeights, heads, true, topGrad, 0f);
        if (retain < 1) {
            for (int i = 0; i < rows * topWidth; i++) {
                topGrad[i] *= topMask[i];
            }
        }
        int layers = widths.length;
        int last = widths[layers - 1];
        float[] lastDz = dz[layers - 1];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(topGrad, r * topWidth, lastDz, r * last, last);
        }
        activationGradient(lastDz, z[layers - 1], a[layers - 1], rows * last);
        for (int l = layers - 1; l >= 0; l--) {
            int in = l == 0 ? inputWidth : widths[l - 1];
            int out = widths[l];
            float[] input = l == 0 ? x : (retain < 1 ? layerInput[l] : a[l - 1]);
            Gemm.multiply(in, out, rows, input, in, true, dz[l], out, false, weightParams[l].gradient, 0f);
            columnSums(dz[l], rows, out, biasParams[l].gradient);
            if (l > 0) {
                Gemm.multiply(rows, in, out, dz[l], out, false, weights[l], out, true, scratch, 0f);
                float[] previous = dz[l - 1];
                int n = rows * in;
                if (retain < 1) {
                    float[] mask = dropMask[l];
                    for (int i = 0; i < n; i++) {
                        previous[i] = scratch[i] * mask[i];
                    }
                } else {
                    System.arraycopy(scratch, 0, previous, 0, n);
                }
                activationGradient(previous, z[l - 1], a[l - 1], n);
            }
        }
        // Only the embedding columns of the input need a gradient: the first 2E rows of W0.
        int twoE = 2 * embedding;
        Gemm.multiply(rows, twoE, widths[0], dz[0], widths[0], false, weights[0], widths[0], true, embeddingGrad, 0f);
        scatterEmbeddingGradients(examples, start, rows);
    }

    private void scatterEmbeddingGradients(MlpExamples examples, int start, int rows) {
        userParam.clearGradient();
        itemParam.clearGradient();
        float[] userGrad = userParam.gradient;
        float[] itemGrad = itemParam.gradient;
        int twoE = 2 * embedding;
        int gmfOffset = widths[widths.length - 1];
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            int user = examples.userRows[e];
            int item = examples.itemRows[e];
            int ub = userParam.touch(user);
            int ib = itemParam.touch(item);
            int gb = r * twoE;
            int xb = r * inputWidth;
            int tb = r * topWidth + gmfOffset;
            for (int k = 0; k < embedding; k++) {
                float du = embeddingGrad[gb + k];
                float di = embeddingGrad[gb + embedding + k];
                if (gmf) {
                    float g = topGrad[tb + k];
                    du += g * x[xb + embedding + k];
                    di += g * x[xb + k];
                }
                userGrad[ub + k] += du;
                itemGrad[ib + k] += di;
                embeddingGrad[gb + k] = du;   // the gradient at the user vector, for the history pooling
            }
            if (history != null) {
                history.backward(r, embeddingGrad, gb);
            }
        }
        if (history != null) {
            history.scatter();
        }
    }

    private static void columnSums(float[] matrix, int rows, int width, float[] out) {
        Arrays.fill(out, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                out[j] += matrix[base + j];
            }
        }
    }

    private void update() {
        step++;
        float correction = AdamParameter.correction(learningRate, step);
        for (int l = 0; l < widths.length; l++) {
            weightParams[l].update(correction);
            biasParams[l].update(correction);
        }
        headWeightParam.update(correction);
        headBiasParam.update(correction);
        userParam.update(correction);
        itemParam.update(correction);
        if (history != null) {
            history.update(correction);
        }
        if (cold != null) {
            cold.update(correction);
        }
    }

    private static float sigmoid(float v) {
        return TowerActivation.sigmoid(v);
    }

    // ---------------------------------------------------------------- reporting and tests

    MlpParameters parameters() {
        return parameters;
    }

    /**
     * Mean click cross-entropy, rating squared error and cold-start cross-entropy since the last
     * call (NaN without rows).
     */
    double[] takeLosses() {
        double[] losses = {clickRows == 0 ? Double.NaN : clickLossSum / clickRows,
                ratedRows == 0 ? Double.NaN : ratingLossSum / ratedRows, cold == null ? Double.NaN : cold.takeLoss()};
        clickLossSum = 0;
        clickRows = 0;
        ratingLossSum = 0;
        ratedRows = 0;
        return losses;
    }

    /** The gradient of one named DL4J parameter after {@link #gradients}, in DL4J's shape (row-major). */
    float[] gradientOf(String name) {
        if (name.startsWith("cold-")) {
            return cold.gradientOf(name);
        }
        return switch (name) {
            case "user-embedding_W" -> userParam.gradient.clone();
            case "item-embedding_W" -> itemParam.gradient.clone();
            case "history-embedding_W" -> history.gradient();
            case "click_W" -> headColumn(headWeightParam.gradient, clickColumn);
            case "rating_W" -> headColumn(headWeightParam.gradient, ratingColumn);
            case "click_b" -> new float[] {headBiasParam.gradient[clickColumn]};
            case "rating_b" -> new float[] {headBiasParam.gradient[ratingColumn]};
            default -> {
                int l = Integer.parseInt(name.substring("hidden-".length(), name.indexOf('_')));
                yield name.endsWith("_W") ? weightParams[l].gradient.clone() : biasParams[l].gradient.clone();
            }
        };
    }

    private float[] headColumn(float[] matrix, int head) {
        float[] column = new float[topWidth];
        for (int t = 0; t < topWidth; t++) {
            column[t] = matrix[t * heads + head];
        }
        return column;
    }
}
