package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;

/**
 * The fused kernel's cold-start head (see {@link MlpNetwork}): on the rows of a batch that carry a
 * cold weight (one per user and epoch, {@link MlpExamples#coldWeight}), {@code u = [user features,
 * 1] x W}, logits over every item {@code u x V + b + (u x G) x F^T} with {@code F} the item
 * features, softmax cross-entropy against the user's history distribution times the weight,
 * averaged over the whole batch as DL4J averages a masked loss; backward pass and Adam with DL4J's
 * weight decay (none on the bias). Its parameters are its own, so it never moves the main network.
 *
 * <p>A softmax over the whole catalogue, rather than the click head's few sampled negatives,
 * is what makes it a good ranker for a user known only by attributes: it estimates which items
 * such a user picks among all of them, which is popularity tilted by the attributes, and it
 * learns from every training interaction, where the main network's cold-start row learns from
 * the few rows whose id is hidden. Taking a user's history at once costs one softmax over the
 * catalogue per user and epoch rather than one per interaction.
 */
final class ColdHeadKernel {
    /** DL4J's LossMCXENT clips probabilities to this before the logarithm of the score. */
    private static final float CLIP = 1e-10f;

    private final int width;
    private final int userWidth;
    private final int itemWidth;
    private final int numItems;
    private final AdamParameter userWeights;
    private final AdamParameter itemWeights;
    private final AdamParameter itemBias;
    private final AdamParameter featureWeights;
    // Per batch, over its positive rows only.
    private final float[] input;
    /** Per cold row of the batch: its user (whose history is the target) and its weight. */
    private final int[] target;
    private final float[] weight;
    private final SparseRows histories;
    private final float[] user;
    private final float[] itemMatrix;
    private final float[] rowLogits;
    private final float[] logits;
    private final float[] userGrad;
    private double lossSum;
    private long lossRows;

    /** {@code decay} is the share of each weight a step removes (DL4J's decoupled weight decay). */
    ColdHeadKernel(MlpParameters parameters, MlpShape shape, int width, SparseRows histories, int maxRows,
                   float decay) {
        this.width = width;
        this.userWidth = shape.userFeatures() + 1;
        this.itemWidth = shape.itemFeatures();
        this.numItems = shape.numItems();
        this.userWeights = AdamParameter.dense(parameters.coldUserWeights, decay);
        this.itemWeights = AdamParameter.dense(parameters.coldItemWeights, decay);
        this.itemBias = AdamParameter.dense(parameters.coldItemBias, 0f);
        this.featureWeights = itemWidth == 0 ? null : AdamParameter.dense(parameters.coldFeatureWeights, decay);
        this.input = new float[maxRows * userWidth];
        this.target = new int[maxRows];
        this.weight = new float[maxRows];
        this.histories = histories;
        this.user = new float[maxRows * width];
        this.itemMatrix = new float[width * numItems];
        this.rowLogits = new float[numItems];
        this.logits = new float[maxRows * numItems];
        this.userGrad = new float[maxRows * width];
    }

    /** Forward and backward pass over rows {@code [start, start + rows)}; leaves the gradients in place. */
    void gradients(MlpExamples examples, int start, int rows, float[] userData, float[] itemData) {
        int uw = userWidth - 1;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            if (examples.coldWeight[e] > 0) {
                System.arraycopy(userData, examples.users[e] * uw, input, n * userWidth, uw);
                input[n * userWidth + uw] = 1f;
                target[n] = examples.users[e];
                weight[n] = examples.coldWeight[e];
                n++;
            }
        }
        if (n == 0) {
            clear();
            return;
        }
        int c = width;
        int items = numItems;
        // The item matrix with the features' term folded in, M = V + G x F^T: cheaper than applying F per row.
        float[] matrix = itemMatrix;
        System.arraycopy(itemWeights.values, 0, matrix, 0, c * items);
        if (featureWeights != null) {
            Gemm.multiply(c, items, itemWidth, featureWeights.values, itemWidth, false, itemData, itemWidth, true,
                    matrix, 1f);
        }
        Gemm.multiply(n, c, userWidth, input, userWidth, false, userWeights.values, c, false, user, 0f);
        Gemm.multiply(n, items, c, user, c, false, matrix, items, false, logits, 0f);
        // Softmax, then the gradient of the batch-mean cross-entropy, (p - onehot) / rows, in place.
        float[] bias = itemBias.values;
        float[] biasGrad = itemBias.gradient;
        Arrays.fill(biasGrad, 0f);
        float perRow = 1f / rows;
        for (int k = 0; k < n; k++) {
            int base = k * items;
            // The logits stay far from float's exponent range in practice; shift by the maximum only if not.
            double sum = 0;
            for (int i = 0; i < items; i++) {
                float q = (float) Math.exp(logits[base + i] + bias[i]);
                logits[base + i] = q;
                sum += q;
            }
            if (!(sum > 0 && sum < Float.MAX_VALUE)) {
                sum = stableExp(k, bias);
            }
            // Against the user's history: weight x (p - history share) = weight x p - counts, per row of the batch.
            float scale = (float) (1 / sum);
            SparseRows history = histories;
            int user = target[k];
            for (int q = history.start(user), end = history.end(user); q < end; q++) {
                lossSum -= Math.log(Math.max(logits[base + history.column(q)] * scale, CLIP));
            }
            lossRows += history.length(user);
            float gradScale = weight[k] * scale * perRow;
            for (int i = 0; i < items; i++) {
                logits[base + i] *= gradScale;
            }
            float share = weight[k] / history.length(user) * perRow;
            for (int q = history.start(user), end = history.end(user); q < end; q++) {
                logits[base + history.column(q)] -= share;
            }
            for (int i = 0; i < items; i++) {
                biasGrad[i] += logits[base + i];
            }
        }
        float[] grad = logits;
        Gemm.multiply(c, items, n, user, c, true, grad, items, false, itemWeights.gradient, 0f);
        Gemm.multiply(n, c, items, grad, items, false, matrix, items, true, userGrad, 0f);
        if (featureWeights != null) {
            // d/dG of u x G x F^T summed over rows: (u^T x grad) x F, and u^T x grad is V's gradient.
            Gemm.multiply(c, itemWidth, items, itemWeights.gradient, items, false, itemData, itemWidth, false,
                    featureWeights.gradient, 0f);
        }
        Gemm.multiply(userWidth, c, n, input, userWidth, true, userGrad, c, false, userWeights.gradient, 0f);
    }

    /** Row {@code k} of the logits again, exponentiated after subtracting its maximum; returns the sum. */
    private double stableExp(int k, float[] bias) {
        int base = k * numItems;
        Gemm.multiply(1, numItems, width, Arrays.copyOfRange(user, k * width, (k + 1) * width), width, false,
                itemMatrix, numItems, false, rowLogits, 0f);
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < numItems; i++) {
            rowLogits[i] += bias[i];
            max = Math.max(max, rowLogits[i]);
        }
        double sum = 0;
        for (int i = 0; i < numItems; i++) {
            float q = (float) Math.exp(rowLogits[i] - max);
            logits[base + i] = q;
            sum += q;
        }
        return sum;
    }

    private void clear() {
        userWeights.clearGradient();
        itemWeights.clearGradient();
        itemBias.clearGradient();
        if (featureWeights != null) {
            featureWeights.clearGradient();
        }
    }

    void update(float correction) {
        userWeights.update(correction);
        itemWeights.update(correction);
        itemBias.update(correction);
        if (featureWeights != null) {
            featureWeights.update(correction);
        }
    }

    /** Mean cross-entropy over the positive rows since the last call (NaN without rows). */
    double takeLoss() {
        double loss = lossRows == 0 ? Double.NaN : lossSum / lossRows;
        lossSum = 0;
        lossRows = 0;
        return loss;
    }

    /** The gradient of one of the head's DL4J parameters after {@link #gradients}, or null for another name. */
    float[] gradientOf(String name) {
        return switch (name) {
            case "cold-user-vector_W" -> userWeights.gradient.clone();
            case "cold-items_W" -> itemWeights.gradient.clone();
            case "cold-items_b" -> itemBias.gradient.clone();
            case "cold-item-features_W" -> featureWeights.gradient.clone();
            default -> null;
        };
    }
}
