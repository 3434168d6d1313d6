package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The {@code mlp} network's forward pass for one user against many items, shaped for matrix
 * products. The first dense layer splits into a user part and an item part; the item part of
 * every item ({@code [item embedding | item features] x W0_item}) is computed once when the
 * scorer is built, so scoring a user against all items costs one vector-matrix product for the
 * user, an add, and the (narrower) upper layers. Immutable and thread-safe: every call works in
 * its thread's own {@link HeadsWorkspace}.
 */
final class MlpForward {
    private final MlpParameters p;
    private final int embedding;
    private final int userFeatures;
    private final int[] widths;
    private final boolean gmf;
    private final TowerActivation activation;
    private final int[] itemRows;
    /** {@code [numItems][widths[0]]}: the item side of the first layer, without bias. */
    private final float[] itemFirst;
    /** The upper layers' weights ({@code [0]} unused) and the heads' weights, native for OpenBLAS. */
    private final FloatPointer[] upperWeights;
    private final FloatPointer headWeights;
    private final ThreadLocal<HeadsWorkspace> workspaces = ThreadLocal.withInitial(HeadsWorkspace::new);
    /**
     * The cold-start head's item matrix {@code V + G x F^T}, {@code [coldWidth][numItems]}, and item
     * biases; null without the head. An item without training interactions takes the mean vector and
     * bias of the trained items plus its own features' term: the head never saw it picked, so its
     * own column only learned that, as the network's own item row would have.
     */
    private final float[] coldItems;
    private final float[] coldBias;
    private final int coldWidth;

    MlpForward(MlpSettings settings, MlpShape shape, MlpParameters parameters, FeatureMatrix itemFeatures,
               boolean[] trainedItems) {
        this.p = parameters;
        this.embedding = settings.embedding();
        this.userFeatures = shape.userFeatures();
        this.widths = settings.hidden();
        this.gmf = settings.gmf();
        this.activation = settings.activation();
        int numItems = shape.numItems();
        this.itemRows = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            itemRows[i] = trainedItems[i] ? i : shape.coldItem();
        }
        int iw = shape.itemFeatures();
        int side = embedding + iw;
        int h0 = widths[0];
        float[] itemInput = new float[numItems * side];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(p.itemTable, itemRows[i] * embedding, itemInput, i * side, embedding);
            if (iw > 0) {
                itemFeatures.copyRow(i, itemInput, i * side + embedding);
            }
        }
        // Rows of W0 that multiply the item embedding, then those that multiply the item features.
        float[] itemWeights = new float[side * h0];
        System.arraycopy(p.weights[0], embedding * h0, itemWeights, 0, embedding * h0);
        System.arraycopy(p.weights[0], (2 * embedding + userFeatures) * h0, itemWeights, embedding * h0, iw * h0);
        this.itemFirst = new float[numItems * h0];
        Gemm.multiply(numItems, h0, side, itemInput, side, false, itemWeights, h0, false, itemFirst, 0f);
        this.upperWeights = new FloatPointer[widths.length];
        for (int l = 1; l < widths.length; l++) {
            upperWeights[l] = new FloatPointer(p.weights[l]);
        }
        this.headWeights = new FloatPointer(p.headWeights);
        this.coldWidth = settings.coldHead();
        if (shape.coldHead()) {
            coldItems = unknownItemsAverage(p.coldItemWeights, coldWidth, numItems);
            coldBias = unknownItemsAverage(p.coldItemBias, 1, numItems);
            if (iw > 0) {
                Gemm.multiply(coldWidth, numItems, iw, p.coldFeatureWeights, iw, false, itemFeatures.data(), iw, true,
                        coldItems, 1f);
            }
        } else {
            coldItems = null;
            coldBias = null;
        }
    }

    /** A copy of {@code [rows][numItems]} whose columns of untrained items hold the mean of the trained ones. */
    private float[] unknownItemsAverage(float[] matrix, int rows, int numItems) {
        float[] out = matrix.clone();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < numItems; i++) {
                if (itemRows[i] == i) {
                    sum += matrix[r * numItems + i];
                    count++;
                }
            }
            float mean = count == 0 ? 0f : (float) (sum / count);
            for (int i = 0; i < numItems; i++) {
                if (itemRows[i] != i) {
                    out[r * numItems + i] = mean;
                }
            }
        }
        return out;
    }

    /**
     * The cold-start head's log-probabilities (log-softmax over the whole catalogue) that a user
     * with feature vector {@code features} picks each of {@code items}: comparable across users.
     */
    void coldLogProbabilities(float[] features, int[] items, float[] out) {
        int c = coldWidth;
        float[] user = new float[c];
        float[] w = p.coldUserWeights;
        System.arraycopy(w, userFeatures * c, user, 0, c);   // the constant input's row
        for (int f = 0; f < userFeatures; f++) {
            axpy(features[f], w, f * c, user, c);
        }
        int numItems = itemRows.length;
        float[] logits = coldBias.clone();
        for (int e = 0; e < c; e++) {
            axpy(user[e], coldItems, e * numItems, logits, numItems);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        float normaliser = max + (float) Math.log(sum);
        for (int k = 0; k < items.length; k++) {
            out[k] = logits[items[k]] - normaliser;
        }
    }

    /** Whether {@code history} holds an item that had training interactions. */
    boolean knowsAny(int[] history) {
        for (int item : history) {
            if (item >= 0 && item < itemRows.length && itemRows[item] == item) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user vector: the embedding row {@code userRow} plus, with history pooling, the pooled
     * vectors of the trained items in {@code history} (items unknown to training carry none).
     */
    float[] userVector(int userRow, int[] history) {
        float[] vector = Arrays.copyOfRange(p.userTable, userRow * embedding, (userRow + 1) * embedding);
        if (p.historyTable == null) {
            return vector;
        }
        float[] sum = new float[embedding];
        int count = 0;
        for (int item : history) {
            if (item >= 0 && item < itemRows.length && itemRows[item] == item) {
                count++;
                for (int k = 0, base = item * embedding; k < embedding; k++) {
                    sum[k] += p.historyTable[base + k];
                }
            }
        }
        if (count > 0) {
            float scale = (float) (1 / Math.sqrt(count));
            for (int k = 0; k < embedding; k++) {
                vector[k] += scale * sum[k];
            }
        }
        return vector;
    }

    /**
     * Head outputs, {@code [n][heads]} (click logit / centred rating), for the user with
     * the given {@link #userVector} and feature vector {@code features} against
     * {@code items[from .. from + n)}; {@code neighbourhood} holds the items' kNN scores (aligned
     * with {@code items}) when the network takes them, else null.
     */
    float[] heads(float[] userVector, float[] features, float[] neighbourhood, int[] items, int from, int n) {
        HeadsWorkspace workspace = workspaces.get();
        int h0 = widths[0];
        float[] user = new float[h0];
        System.arraycopy(p.biases[0], 0, user, 0, h0);
        float[] w0 = p.weights[0];
        for (int k = 0; k < embedding; k++) {
            axpy(userVector[k], w0, k * h0, user, h0);
        }
        for (int k = 0; k < userFeatures; k++) {
            axpy(features[k], w0, (2 * embedding + k) * h0, user, h0);
        }
        float[] post = workspace.rowsOtherThan(null, n * h0);
        for (int r = 0; r < n; r++) {
            int base = r * h0;
            int item = items[from + r] * h0;
            for (int j = 0; j < h0; j++) {
                post[base + j] = itemFirst[item + j] + user[j];
            }
        }
        activation.apply(post, post, n * h0);   // in place, as the upper layers
        for (int l = 1; l < widths.length; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            FloatPointer product = workspace.output(n * out);
            Gemm.multiply(n, out, in, workspace.input(post, n * in), in, false, upperWeights[l], out, false, product, 0f);
            float[] next = workspace.rowsOtherThan(post, n * out);
            product.get(next, 0, n * out);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    next[r * out + j] += p.biases[l][j];
                }
            }
            activation.apply(next, next, n * out);
            post = next;
        }
        int last = widths[widths.length - 1];
        int top = p.topWidth;
        float[] topRows = workspace.rowsOtherThan(post, n * top);
        for (int r = 0; r < n; r++) {
            System.arraycopy(post, r * last, topRows, r * top, last);
            if (gmf) {
                int ib = itemRows[items[from + r]] * embedding;
                for (int k = 0; k < embedding; k++) {
                    topRows[r * top + last + k] = userVector[k] * p.itemTable[ib + k];
                }
            }
            if (neighbourhood != null) {
                topRows[r * top + top - 1] = neighbourhood[from + r];
            }
        }
        FloatPointer product = workspace.output(n * p.heads);
        Gemm.multiply(n, p.heads, top, workspace.input(topRows, n * top), top, false, headWeights, p.heads, false,
                product, 0f);
        float[] out = new float[n * p.heads];
        product.get(out, 0, out.length);
        for (int r = 0; r < n; r++) {
            for (int h = 0; h < p.heads; h++) {
                out[r * p.heads + h] += p.headBias[h];
            }
        }
        return out;
    }

    private static void axpy(float alpha, float[] x, int offset, float[] y, int n) {
        if (alpha == 0f) {
            return;
        }
        for (int j = 0; j < n; j++) {
            y[j] += alpha * x[offset + j];
        }
    }
}
