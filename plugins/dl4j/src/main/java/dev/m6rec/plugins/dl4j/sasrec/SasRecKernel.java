package dev.m6rec.plugins.dl4j.sasrec;

import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.B1;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.B2;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.BK;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.BO;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.BQ;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.BV;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.FINAL_BIAS;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.FINAL_GAIN;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.ITEMS;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.NORM1_BIAS;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.NORM1_GAIN;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.NORM2_BIAS;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.NORM2_GAIN;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.POSITIONS;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.W1;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.W2;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.WK;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.WO;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.WQ;
import static dev.m6rec.plugins.dl4j.sasrec.SasRecParameters.WV;

import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import dev.m6rec.plugins.dl4j.train.SoftmaxRow;
import java.util.Arrays;

/**
 * SASRec's training step: the cross-entropy of a softmax over all items at every labelled
 * position (the next item of the sequence), averaged over those positions, back through the
 * output layer (the item table), the final layer norm, the blocks and the embeddings, then one
 * Adam step per tensor. The softmax runs over chunks of positions so its memory stays bounded
 * whatever the catalogue. Gradients are checked against finite differences in the tests.
 */
final class SasRecKernel {
    /** Positions per softmax chunk: their logits are {@code CHUNK x items} floats. */
    private static final int CHUNK = 512;

    private final SasRecParameters p;
    private final SasRecForward forward;
    private final AdamParameter[] adam;
    private final double dropout;
    private final float learningRate;
    private final int hidden;
    private final int length;
    private final int numItems;
    private final float[] logits;
    private final float[] chunkOutput;
    private final float[] chunkGradient;
    private final int[] labelledRows;
    private final float[] dOut;
    private final float[] dX;
    private final float[] dZ;
    private final float[] dHidden;
    private final float[] dY;
    private final float[] dContext;
    private final float[] dQueries;
    private final float[] dKeys;
    private final float[] dValues;
    private final float[] dQueriesIn;
    private final float[] dAttention;
    private final float[] scratchA;
    private final float[] scratchD;
    private final float[] scratchX;
    private int steps;
    private double lossSum;
    private long lossCount;

    SasRecKernel(SasRecParameters parameters, int batchSize, double dropout, double learningRate, double weightDecay) {
        this.p = parameters;
        this.hidden = parameters.hidden;
        this.length = parameters.length;
        this.numItems = parameters.numItems;
        this.forward = new SasRecForward(batchSize, length, hidden, parameters.blocks, dropout > 0);
        this.dropout = dropout;
        this.learningRate = (float) learningRate;
        this.adam = new AdamParameter[parameters.tensors.length];
        float decay = (float) (learningRate * weightDecay);
        for (int t = 0; t < adam.length; t++) {
            adam[t] = AdamParameter.dense(parameters.tensors[t], parameters.decays(t) ? decay : 0f);
        }
        int cells = batchSize * length * hidden;
        this.logits = new float[Math.multiplyExact(CHUNK, numItems)];
        this.chunkOutput = new float[CHUNK * hidden];
        this.chunkGradient = new float[CHUNK * hidden];
        this.labelledRows = new int[batchSize * length];
        this.dOut = new float[cells];
        this.dX = new float[cells];
        this.dZ = new float[cells];
        this.dHidden = new float[cells];
        this.dY = new float[cells];
        this.dContext = new float[cells];
        this.dQueries = new float[cells];
        this.dKeys = new float[cells];
        this.dValues = new float[cells];
        this.dQueriesIn = new float[cells];
        this.dAttention = new float[length * length];
        this.scratchA = new float[length * length];
        this.scratchD = new float[length * hidden];
        this.scratchX = new float[length * hidden];
    }

    SasRecForward batch() {
        return forward;
    }

    SasRecParameters parameters() {
        return p;
    }

    /**
     * One step on the {@code count} sequences loaded into {@link #batch()}, {@code labels} giving the
     * item each position should predict (-1: none).
     */
    void step(int count, int[] labels, java.util.random.RandomGenerator dropoutSource) {
        forward.run(p, count, dropout, dropoutSource);
        for (AdamParameter a : adam) {
            a.clearGradient();
        }
        gradients(labels);
        steps++;
        float correction = AdamParameter.correction(learningRate, steps);
        for (AdamParameter a : adam) {
            a.update(correction);
        }
    }

    /** The mean loss since the last call. */
    double takeLoss() {
        double mean = lossCount == 0 ? Double.NaN : lossSum / lossCount;
        lossSum = 0;
        lossCount = 0;
        return mean;
    }

    /** Fills every tensor's gradient for the forward pass just run; returns the mean loss. */
    double gradients(int[] labels) {
        int rows = forward.rows();
        int labelled = 0;
        for (int row = 0; row < rows; row++) {
            if (labels[row] >= 0) {
                labelledRows[labelled++] = row;
            }
        }
        Arrays.fill(dOut, 0, rows * hidden, 0f);
        double loss = 0;
        for (int from = 0; from < labelled; from += CHUNK) {
            loss += softmaxChunk(labels, from, Math.min(CHUNK, labelled - from), labelled);
        }
        lossSum += loss;
        lossCount += labelled;
        LayerNorm.backward(dOut, forward.finalNorm, forward.finalInverse, p.tensors[FINAL_GAIN], rows, hidden,
                adam[FINAL_GAIN].gradient, adam[FINAL_BIAS].gradient, dX, false);
        for (int b = p.blocks - 1; b >= 0; b--) {
            blockBackward(b, rows);
        }
        embeddingBackward();
        return labelled == 0 ? 0 : loss / labelled;
    }

    /** Cross-entropy over positions {@code labelledRows[from, from + n)}, scaled by 1/{@code total}. */
    private double softmaxChunk(int[] labels, int from, int n, int total) {
        float[] out = forward.output;
        for (int k = 0; k < n; k++) {
            System.arraycopy(out, labelledRows[from + k] * hidden, chunkOutput, k * hidden, hidden);
        }
        float[] table = p.tensors[ITEMS];
        Gemm.multiply(n, numItems, hidden, chunkOutput, hidden, false, table, hidden, true, logits, 0f);
        double loss = 0;
        float scale = 1f / total;
        for (int k = 0; k < n; k++) {
            int base = k * numItems;
            double sum = SoftmaxRow.exponentiate(logits, base, numItems, SoftmaxRow.max(logits, base, numItems));
            int label = labels[labelledRows[from + k]];
            float inverse = (float) (1 / sum);
            loss -= Math.log(Math.max(logits[base + label] * inverse, Float.MIN_NORMAL));
            for (int i = 0; i < numItems; i++) {
                logits[base + i] *= inverse * scale;
            }
            logits[base + label] -= scale;
        }
        Gemm.multiply(n, hidden, numItems, logits, numItems, false, table, hidden, false, chunkGradient, 0f);
        Gemm.multiply(numItems, hidden, n, logits, numItems, true, chunkOutput, hidden, false,
                adam[ITEMS].gradient, 1f);
        for (int k = 0; k < n; k++) {
            System.arraycopy(chunkGradient, k * hidden, dOut, labelledRows[from + k] * hidden, hidden);
        }
        return loss;
    }

    /** Takes {@code dX} (the gradient at the block's output) to the gradient at its input, in {@code dX}. */
    private void blockBackward(int b, int rows) {
        SasRecForward f = forward;
        int cells = rows * hidden;
        // out = (z + relu(z W1 + b1) W2 + b2) at real positions; padding rows pass nothing.
        for (int r = 0; r < f.count; r++) {
            Arrays.fill(dX, r * length * hidden, (r * length + f.padding[r]) * hidden, 0f);
        }
        float[] outMask = f.outputMask == null ? null : f.outputMask[b];
        for (int i = 0; i < cells; i++) {
            dZ[i] = dX[i];
            dHidden[i] = outMask == null ? dX[i] : dX[i] * outMask[i];
        }
        float[] z = f.normed[b];
        weightGradients(f.activation[b], dHidden, rows, W2, B2, b);
        Gemm.multiply(rows, hidden, hidden, dHidden, hidden, false, p.block(b, W2), hidden, true, dY, 0f);
        float[] pre = f.preActivation[b];
        float[] actMask = f.activationMask == null ? null : f.activationMask[b];
        for (int i = 0; i < cells; i++) {
            float g = pre[i] > 0 ? dY[i] : 0f;
            dHidden[i] = actMask == null ? g : g * actMask[i];
        }
        weightGradients(z, dHidden, rows, W1, B1, b);
        Gemm.multiply(rows, hidden, hidden, dHidden, hidden, false, p.block(b, W1), hidden, true, dZ, 1f);
        // z = LN2(y), y = q + context Wo + bo
        LayerNorm.backward(dZ, f.norm2[b], f.norm2Inverse[b], p.block(b, NORM2_GAIN), rows, hidden,
                gradient(b, NORM2_GAIN), gradient(b, NORM2_BIAS), dY, false);
        weightGradients(f.context[b], dY, rows, WO, BO, b);
        Gemm.multiply(rows, hidden, hidden, dY, hidden, false, p.block(b, WO), hidden, true, dContext, 0f);
        attentionBackward(b);
        float[] x = f.inputs[b];
        // q = LN1(x): dq = dy + dQueries Wq^T
        weightGradients(f.queriesIn[b], dQueries, rows, WQ, BQ, b);
        System.arraycopy(dY, 0, dQueriesIn, 0, cells);
        Gemm.multiply(rows, hidden, hidden, dQueries, hidden, false, p.block(b, WQ), hidden, true, dQueriesIn, 1f);
        weightGradients(x, dKeys, rows, WK, BK, b);
        weightGradients(x, dValues, rows, WV, BV, b);
        Gemm.multiply(rows, hidden, hidden, dKeys, hidden, false, p.block(b, WK), hidden, true, dX, 0f);
        Gemm.multiply(rows, hidden, hidden, dValues, hidden, false, p.block(b, WV), hidden, true, dX, 1f);
        LayerNorm.backward(dQueriesIn, f.norm1[b], f.norm1Inverse[b], p.block(b, NORM1_GAIN), rows, hidden,
                gradient(b, NORM1_GAIN), gradient(b, NORM1_BIAS), dX, true);
    }

    /**
     * From {@code dContext} to {@code dQueries}, {@code dKeys} and {@code dValues}, sequence by
     * sequence, on scratch copies (see {@link SasRecForward}'s attention).
     */
    private void attentionBackward(int b) {
        SasRecForward f = forward;
        float[] a = f.attention[b];
        float[] kept = f.attentionKept[b];
        float[] mask = f.attentionMask == null ? null : f.attentionMask[b];
        float scale = (float) (1 / Math.sqrt(hidden));
        for (int r = 0; r < f.count; r++) {
            int n = length - f.padding[r];
            int start = r * length * hidden;
            int first = start + f.padding[r] * hidden;
            int block = r * length * length;
            int size = n * hidden;
            Arrays.fill(dQueries, start, first, 0f);
            Arrays.fill(dKeys, start, first, 0f);
            Arrays.fill(dValues, start, first, 0f);
            // context = kept V: d kept = dContext V^T, dV = kept^T dContext
            System.arraycopy(dContext, first, scratchD, 0, size);
            System.arraycopy(f.values[b], first, scratchX, 0, size);
            Gemm.multiply(n, n, hidden, scratchD, hidden, false, scratchX, hidden, true, dAttention, 0f);
            System.arraycopy(kept, block, scratchA, 0, n * n);
            Gemm.multiply(n, hidden, n, scratchA, n, true, scratchD, hidden, false, scratchX, 0f);
            System.arraycopy(scratchX, 0, dValues, first, size);
            // softmax: dS = A (dA - sum_j dA A) within the causal block, times the score scale
            for (int i = 0; i < n; i++) {
                int row = i * n;
                float dot = 0;
                for (int j = 0; j <= i; j++) {
                    float g = mask == null ? dAttention[row + j] : dAttention[row + j] * mask[block + row + j];
                    dAttention[row + j] = g;
                    dot += g * a[block + row + j];
                }
                for (int j = 0; j <= i; j++) {
                    dAttention[row + j] = a[block + row + j] * (dAttention[row + j] - dot) * scale;
                }
                for (int j = i + 1; j < n; j++) {
                    dAttention[row + j] = 0f;
                }
            }
            System.arraycopy(f.keys[b], first, scratchX, 0, size);
            Gemm.multiply(n, hidden, n, dAttention, n, false, scratchX, hidden, false, scratchD, 0f);
            System.arraycopy(scratchD, 0, dQueries, first, size);
            System.arraycopy(f.queries[b], first, scratchX, 0, size);
            Gemm.multiply(n, hidden, n, dAttention, n, true, scratchX, hidden, false, scratchD, 0f);
            System.arraycopy(scratchD, 0, dKeys, first, size);
        }
    }

    /** The embedding's gradient: {@code sqrt(hidden)} times the input's for the item rows, as is for positions. */
    private void embeddingBackward() {
        SasRecForward f = forward;
        float[] items = adam[ITEMS].gradient;
        float[] positions = adam[POSITIONS].gradient;
        float scale = (float) Math.sqrt(hidden);
        for (int r = 0; r < f.count; r++) {
            for (int k = f.padding[r]; k < length; k++) {
                int row = r * length + k;
                int base = row * hidden;
                int item = f.items[row] * hidden;
                for (int c = 0; c < hidden; c++) {
                    float g = f.inputMask == null ? dX[base + c] : dX[base + c] * f.inputMask[base + c];
                    items[item + c] += g * scale;
                    positions[k * hidden + c] += g;
                }
            }
        }
    }

    /** {@code dW += in^T d} and {@code db += column sums of d} for block {@code b}'s layer. */
    private void weightGradients(float[] in, float[] d, int rows, int weight, int bias, int b) {
        Gemm.multiply(hidden, hidden, rows, in, hidden, true, d, hidden, false, gradient(b, weight), 1f);
        float[] db = gradient(b, bias);
        for (int r = 0, base = 0; r < rows; r++, base += hidden) {
            for (int c = 0; c < hidden; c++) {
                db[c] += d[base + c];
            }
        }
    }

    private float[] gradient(int block, int tensor) {
        return adam[SasRecParameters.index(block, tensor)].gradient;
    }

    /** The accumulated gradient of tensor {@code t} (for the gradient check). */
    float[] gradientOf(int tensor) {
        return adam[tensor].gradient;
    }

    void clearGradients() {
        for (AdamParameter a : adam) {
            a.clearGradient();
        }
    }
}
