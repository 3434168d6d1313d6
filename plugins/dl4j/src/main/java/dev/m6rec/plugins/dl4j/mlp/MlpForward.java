package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;

/**
 * The {@code mlp} network's forward pass for one user against many items, shaped for matrix
 * products. The first dense layer splits into a user part and an item part; the item part of
 * every item ({@code [item embedding | item features] x W0_item}) is computed once when the
 * scorer is built, so scoring a user against all items costs one vector-matrix product for the
 * user, an add, and the (narrower) upper layers. Immutable and thread-safe: every call works in
 * its own buffers.
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
        float[] pre = new float[n * h0];
        for (int r = 0; r < n; r++) {
            int base = r * h0;
            int item = items[from + r] * h0;
            for (int j = 0; j < h0; j++) {
                pre[base + j] = itemFirst[item + j] + user[j];
            }
        }
        float[] post = new float[n * h0];
        activation.apply(pre, post, n * h0);
        for (int l = 1; l < widths.length; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            float[] next = new float[n * out];
            Gemm.multiply(n, out, in, post, in, false, p.weights[l], out, false, next, 0f);
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
        float[] topRows = new float[n * top];
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
        float[] out = new float[n * p.heads];
        Gemm.multiply(n, p.heads, top, topRows, top, false, p.headWeights, p.heads, false, out, 0f);
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
