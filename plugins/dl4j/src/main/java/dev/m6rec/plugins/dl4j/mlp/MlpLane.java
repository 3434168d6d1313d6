package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One block of a training batch's rows in {@link MlpKernel}: its own activations, their
 * gradients and its own gradients of the dense parameters, so that several lanes run the forward
 * and backward pass on different threads at once (data parallel), reading the shared parameters,
 * and the kernel sums their gradients afterwards in lane order. What is not thread-safe stays
 * outside: the gather, the dropout draws (one seeded stream, drawn in the single-lane order) and
 * the scatter into the embedding tables; the history pooling runs beside them on a thread of its
 * own ({@link HistoryPool}), and each lane adds its rows' pooled vectors as it starts.
 */
final class MlpLane {
    private final int embedding;
    private final int inputWidth;
    private final int[] widths;
    private final int topWidth;
    private final boolean gmf;
    private final int neighbourColumn;
    private final int heads;
    private final int clickColumn;
    private final int ratingColumn;
    private final TowerActivation activation;
    private final float retain;
    private final float clickWeight;
    private final float ratingWeight;
    private final int userFeatureWidth;
    private final int itemFeatureWidth;
    private final int maxRows;
    // Shared parameters, read only while lanes run.
    private final float[] userTable;
    private final float[] itemTable;
    private final float[][] weights;
    private final float[][] biases;
    private final float[] headWeights;
    private final float[] headBias;
    // This lane's gradients of the dense parameters (the first lane's are the kernel's own arrays).
    final float[][] weightGradients;
    final float[][] biasGradients;
    final float[] headWeightGradient;
    final float[] headBiasGradient;
    // Activations and their gradients for this lane's rows.
    final float[] x;
    final float[] topGrad;
    final float[] embeddingGrad;
    private final float[] neighbourhood;
    private final float[][] layerInput;
    private final float[][] dropMask;
    private final float[][] z;
    private final float[][] a;
    private final float[][] dz;
    private final float[] top;
    private final float[] topMask;
    private final float[] headOut;
    private final float[] headGrad;
    private final float[] scratch;

    /** The example index of this lane's first row, its row in the whole batch, and its row count. */
    int start;
    int first;
    int rows;
    double clickLossSum;
    long clickRows;
    double ratingLossSum;
    long ratedRows;

    /**
     * A lane of up to {@code maxRows} rows over the kernel's parameters; its dense gradients go to
     * {@code weightGradients}, {@code biasGradients}, {@code headWeightGradient} and
     * {@code headBiasGradient}, or to arrays of its own where those are null.
     */
    MlpLane(MlpSettings settings, MlpShape shape, MlpParameters parameters, int maxRows, float[][] weightGradients,
            float[][] biasGradients, float[] headWeightGradient, float[] headBiasGradient) {
        this.embedding = settings.embedding();
        this.userFeatureWidth = shape.userFeatures();
        this.itemFeatureWidth = shape.itemFeatures();
        this.inputWidth = 2 * embedding + userFeatureWidth + itemFeatureWidth;
        this.widths = settings.hidden();
        this.gmf = settings.gmf();
        this.neighbourColumn = shape.neighbourhood() ? widths[widths.length - 1] + (gmf ? embedding : 0) : -1;
        this.topWidth = widths[widths.length - 1] + (gmf ? embedding : 0) + (shape.neighbourhood() ? 1 : 0);
        this.heads = (shape.clickHead() ? 1 : 0) + (shape.ratingHead() ? 1 : 0);
        this.clickColumn = shape.clickHead() ? 0 : -1;
        this.ratingColumn = shape.ratingHead() ? heads - 1 : -1;
        this.activation = settings.activation();
        this.retain = (float) (1 - settings.training().dropout());
        this.clickWeight = (float) settings.loss().click();
        this.ratingWeight = (float) settings.loss().rating();
        this.maxRows = maxRows;
        this.userTable = parameters.userTable;
        this.itemTable = parameters.itemTable;
        this.weights = parameters.weights;
        this.biases = parameters.biases;
        this.headWeights = parameters.headWeights;
        this.headBias = parameters.headBias;

        int layers = widths.length;
        this.weightGradients = weightGradients != null ? weightGradients : new float[layers][];
        this.biasGradients = biasGradients != null ? biasGradients : new float[layers][];
        layerInput = new float[layers][];
        dropMask = new float[layers][];
        z = new float[layers][];
        a = new float[layers][];
        dz = new float[layers][];
        int scratchWidth = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputWidth : widths[l - 1];
            int out = widths[l];
            if (weightGradients == null) {
                this.weightGradients[l] = new float[in * out];
                this.biasGradients[l] = new float[out];
            }
            if (l > 0) {
                layerInput[l] = retain < 1 ? new float[maxRows * in] : null;
                dropMask[l] = retain < 1 ? new float[maxRows * in] : null;
                scratchWidth = Math.max(scratchWidth, in);
            }
            z[l] = new float[maxRows * out];
            a[l] = new float[maxRows * out];
            dz[l] = new float[maxRows * out];
        }
        this.headWeightGradient = headWeightGradient != null ? headWeightGradient : new float[topWidth * heads];
        this.headBiasGradient = headBiasGradient != null ? headBiasGradient : new float[heads];
        x = new float[maxRows * inputWidth];
        neighbourhood = new float[maxRows];
        top = new float[maxRows * topWidth];
        topMask = retain < 1 ? new float[maxRows * topWidth] : null;
        headOut = new float[maxRows * heads];
        headGrad = new float[maxRows * heads];
        topGrad = new float[maxRows * topWidth];
        scratch = new float[maxRows * Math.max(1, scratchWidth)];
        embeddingGrad = new float[maxRows * 2 * embedding];
    }

    int inputWidth() {
        return inputWidth;
    }

    int topWidth() {
        return topWidth;
    }

    /**
     * Takes examples {@code [start, start + rows)}, row {@code first} of the batch onwards, and
     * gathers their input rows but the pooled history, which {@link #compute} adds.
     */
    void gather(MlpExamples examples, int start, int first, int rows, FeatureMatrix userFeatures,
                FeatureMatrix itemFeatures) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows exceed the lane's " + maxRows);
        }
        this.start = start;
        this.first = first;
        this.rows = rows;
        int uw = userFeatureWidth;
        int iw = itemFeatureWidth;
        float[] userData = userFeatures.data();
        float[] itemData = itemFeatures.data();
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            int base = r * inputWidth;
            System.arraycopy(userTable, examples.userRows[e] * embedding, x, base, embedding);
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

    /** Draws this lane's inverted-dropout mask at the input of dense layer {@code l} (l > 0). */
    void drawDropMask(int l, RandomGenerator rng) {
        draw(dropMask[l], rows * widths[l - 1], rng);
    }

    /** Draws this lane's inverted-dropout mask on the top vector (the heads' input). */
    void drawTopMask(RandomGenerator rng) {
        draw(topMask, rows * topWidth, rng);
    }

    private void draw(float[] mask, int n, RandomGenerator rng) {
        float scale = 1f / retain;
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextFloat() < retain ? scale : 0f;
        }
    }

    /**
     * Forward pass, head losses and backward pass over this lane's rows: the dense gradients and
     * the gradients at the embedding inputs; {@code perRow} is 1 / the whole batch's rows;
     * {@code history} (may be null) holds the rows' pooled histories, by the batch's row numbers.
     */
    void compute(MlpExamples examples, float perRow, HistoryPool history) {
        if (history != null) {
            for (int r = 0; r < rows; r++) {
                history.addPooled(first + r, x, r * inputWidth);
            }
        }
        clickLossSum = 0;
        clickRows = 0;
        ratingLossSum = 0;
        ratedRows = 0;
        forward();
        headGradients(examples, perRow);
        backward();
    }

    private void forward() {
        float[] input = x;
        int in = inputWidth;
        for (int l = 0; l < widths.length; l++) {
            if (l > 0 && retain < 1) {
                applyMask(a[l - 1], layerInput[l], dropMask[l], rows * in);
                input = layerInput[l];
            }
            int out = widths[l];
            Gemm.multiply(rows, out, in, input, in, false, weights[l], out, false, z[l], 0f);
            activate(z[l], biases[l], a[l], out);
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
            applyMask(top, top, topMask, rows * topWidth);
        }
        Gemm.multiply(rows, heads, topWidth, top, topWidth, false, headWeights, heads, false, headOut, 0f);
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < heads; h++) {
                headOut[r * heads + h] += headBias[h];
            }
        }
    }

    private static void applyMask(float[] source, float[] target, float[] mask, int n) {
        for (int i = 0; i < n; i++) {
            target[i] = source[i] * mask[i];
        }
    }

    private void activate(float[] pre, float[] bias, float[] post, int width) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                pre[base + j] += bias[j];
            }
        }
        activation.apply(pre, post, rows * width);
    }

    private void headGradients(MlpExamples examples, float perRow) {
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            if (clickColumn >= 0) {
                int o = r * heads + clickColumn;
                float p = TowerActivation.sigmoid(headOut[o]);
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

    private void backward() {
        // Heads: weight and bias gradients, then the gradient at the top vector.
        Gemm.multiply(topWidth, heads, rows, top, topWidth, true, headGrad, heads, false, headWeightGradient, 0f);
        columnSums(headGrad, rows, heads, headBiasGradient);
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
        activation.backward(lastDz, z[layers - 1], a[layers - 1], rows * last);
        for (int l = layers - 1; l >= 0; l--) {
            int in = l == 0 ? inputWidth : widths[l - 1];
            int out = widths[l];
            float[] input = l == 0 ? x : (retain < 1 ? layerInput[l] : a[l - 1]);
            Gemm.multiply(in, out, rows, input, in, true, dz[l], out, false, weightGradients[l], 0f);
            columnSums(dz[l], rows, out, biasGradients[l]);
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
                activation.backward(previous, z[l - 1], a[l - 1], n);
            }
        }
        // Only the embedding columns of the input need a gradient: the first 2E rows of W0.
        int twoE = 2 * embedding;
        Gemm.multiply(rows, twoE, widths[0], dz[0], widths[0], false, weights[0], widths[0], true, embeddingGrad, 0f);
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

    /** Adds this lane's dense gradients to {@code other}'s (the first lane holds the sum). */
    void addGradientsTo(MlpLane other) {
        for (int l = 0; l < widths.length; l++) {
            add(weightGradients[l], other.weightGradients[l]);
            add(biasGradients[l], other.biasGradients[l]);
        }
        add(headWeightGradient, other.headWeightGradient);
        add(headBiasGradient, other.headBiasGradient);
    }

    private static void add(float[] from, float[] into) {
        for (int i = 0; i < from.length; i++) {
            into[i] += from[i];
        }
    }
}
