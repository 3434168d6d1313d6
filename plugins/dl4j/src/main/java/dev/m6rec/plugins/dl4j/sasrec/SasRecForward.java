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

import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * SASRec's forward pass over a batch of left-padded sequences, keeping every activation the
 * backward pass needs. Rows are positions: row {@code r * length + k} is position {@code k} of
 * sequence {@code r}, and a sequence of {@code n} items fills its last {@code n} positions.
 *
 * <p>The blocks are the reference implementation's (pre-norm, one head): {@code q = LN1(x)},
 * attention of the queries {@code q Wq} over keys {@code x Wk} and values {@code x Wv} of the same
 * or earlier real positions, {@code y = q + att Wo}, {@code z = LN2(y)}, and the block's output
 * {@code z + relu(z W1) W2}, zeroed at padding positions. The input is {@code sqrt(hidden)} times
 * the item's row plus the position's row; the output is a final layer norm. In training, dropout
 * (inverted, from the seeded source) hits the input, the attention weights and both feed-forward
 * layers' outputs.
 */
final class SasRecForward {
    final int capacity;
    final int length;
    final int hidden;
    final int blocks;

    int count;
    /** Padding positions at the start of each sequence. */
    final int[] padding;
    /** The item at each position, -1 for padding. */
    final int[] items;

    /** {@code inputs[b]} enters block b; {@code inputs[blocks]} leaves the last. */
    final float[][] inputs;
    final float[][] norm1;
    final float[][] norm1Inverse;
    final float[][] queriesIn;
    final float[][] queries;
    final float[][] keys;
    final float[][] values;
    /** Softmax weights: sequence r's {@code n x n} causal block at {@code r * length * length}. */
    final float[][] attention;
    /** The weights after dropout (the same arrays as {@link #attention} without dropout). */
    final float[][] attentionKept;
    final float[][] context;
    final float[][] norm2;
    final float[][] norm2Inverse;
    final float[][] normed;
    final float[][] preActivation;
    final float[][] activation;
    final float[] finalNorm;
    final float[] finalInverse;
    final float[] output;

    /** Dropout masks (0 or 1/keep), or null without dropout. */
    final float[] inputMask;
    final float[][] attentionMask;
    final float[][] activationMask;
    final float[][] outputMask;

    private final float[] scratchQ;
    private final float[] scratchK;
    private final float[] scratchS;

    SasRecForward(int capacity, int length, int hidden, int blocks, boolean dropout) {
        this.capacity = capacity;
        this.length = length;
        this.hidden = hidden;
        this.blocks = blocks;
        int rows = capacity * length;
        int cells = rows * hidden;
        int square = rows * length;
        padding = new int[capacity];
        items = new int[rows];
        inputs = matrices(blocks + 1, cells);
        norm1 = matrices(blocks, cells);
        norm1Inverse = matrices(blocks, rows);
        queriesIn = matrices(blocks, cells);
        queries = matrices(blocks, cells);
        keys = matrices(blocks, cells);
        values = matrices(blocks, cells);
        attention = matrices(blocks, square);
        attentionKept = dropout ? matrices(blocks, square) : attention;
        context = matrices(blocks, cells);
        norm2 = matrices(blocks, cells);
        norm2Inverse = matrices(blocks, rows);
        normed = matrices(blocks, cells);
        preActivation = matrices(blocks, cells);
        activation = matrices(blocks, cells);
        finalNorm = new float[cells];
        finalInverse = new float[rows];
        output = new float[cells];
        inputMask = dropout ? new float[cells] : null;
        attentionMask = dropout ? matrices(blocks, square) : null;
        activationMask = dropout ? matrices(blocks, cells) : null;
        outputMask = dropout ? matrices(blocks, cells) : null;
        scratchQ = new float[length * hidden];
        scratchK = new float[length * hidden];
        scratchS = new float[length * length];
    }

    private static float[][] matrices(int count, int size) {
        float[][] m = new float[count][];
        for (int i = 0; i < count; i++) {
            m[i] = new float[size];
        }
        return m;
    }

    int rows() {
        return count * length;
    }

    /**
     * Loads sequence {@code r}: the last {@code length} of {@code history[from, to)}, left-padded.
     */
    void setSequence(int r, int[] history, int from, int to) {
        int n = Math.min(length, to - from);
        int pad = length - n;
        padding[r] = pad;
        int base = r * length;
        Arrays.fill(items, base, base + pad, -1);
        System.arraycopy(history, to - n, items, base + pad, n);
    }

    /** Runs the pass over the first {@code count} loaded sequences; {@code dropoutSource} only when training. */
    void run(SasRecParameters p, int count, double dropout, RandomGenerator dropoutSource) {
        if (count > capacity) {
            throw new IllegalArgumentException(count + " sequences for a batch of " + capacity);
        }
        this.count = count;
        boolean dropping = inputMask != null;
        if (dropping) {
            drawMasks((float) (1 - dropout), dropoutSource);
        }
        embed(p);
        for (int b = 0; b < blocks; b++) {
            block(p, b);
        }
        LayerNorm.forward(inputs[blocks], p.tensors[FINAL_GAIN], p.tensors[FINAL_BIAS], rows(), hidden, finalNorm,
                finalInverse, output);
    }

    private void embed(SasRecParameters p) {
        float[] x = inputs[0];
        float[] table = p.tensors[ITEMS];
        float[] positions = p.tensors[POSITIONS];
        float scale = (float) Math.sqrt(hidden);
        Arrays.fill(x, 0, rows() * hidden, 0f);
        for (int r = 0; r < count; r++) {
            for (int k = padding[r]; k < length; k++) {
                int row = r * length + k;
                int item = items[row] * hidden;
                int base = row * hidden;
                for (int c = 0; c < hidden; c++) {
                    float v = table[item + c] * scale + positions[k * hidden + c];
                    x[base + c] = inputMask == null ? v : v * inputMask[base + c];
                }
            }
        }
    }

    private void block(SasRecParameters p, int b) {
        int rows = rows();
        float[] x = inputs[b];
        LayerNorm.forward(x, p.block(b, NORM1_GAIN), p.block(b, NORM1_BIAS), rows, hidden, norm1[b],
                norm1Inverse[b], queriesIn[b]);
        linear(queriesIn[b], p.block(b, WQ), p.block(b, BQ), rows, queries[b]);
        linear(x, p.block(b, WK), p.block(b, BK), rows, keys[b]);
        linear(x, p.block(b, WV), p.block(b, BV), rows, values[b]);
        attend(b);
        float[] y = normed[b];   // y = q + att Wo, normalised in place into z
        linear(context[b], p.block(b, WO), p.block(b, BO), rows, y);
        float[] q = queriesIn[b];
        for (int i = 0, n = rows * hidden; i < n; i++) {
            y[i] += q[i];
        }
        LayerNorm.forward(y, p.block(b, NORM2_GAIN), p.block(b, NORM2_BIAS), rows, hidden, norm2[b],
                norm2Inverse[b], y);
        linear(y, p.block(b, W1), p.block(b, B1), rows, preActivation[b]);
        float[] pre = preActivation[b];
        float[] act = activation[b];
        float[] mask = activationMask == null ? null : activationMask[b];
        for (int i = 0, n = rows * hidden; i < n; i++) {
            float v = Math.max(pre[i], 0f);
            act[i] = mask == null ? v : v * mask[i];
        }
        float[] out = inputs[b + 1];
        linear(act, p.block(b, W2), p.block(b, B2), rows, out);
        float[] outMask = outputMask == null ? null : outputMask[b];
        for (int r = 0; r < count; r++) {
            int start = r * length * hidden;
            int real = (r * length + padding[r]) * hidden;
            Arrays.fill(out, start, real, 0f);
            for (int i = real, end = start + length * hidden; i < end; i++) {
                out[i] = y[i] + (outMask == null ? out[i] : out[i] * outMask[i]);
            }
        }
    }

    /**
     * Causal softmax attention within each sequence's real positions; padding rows get a zero
     * context. A sequence of {@code n} real items keeps its weights as a compact {@code n x n}
     * matrix at offset {@code r * length * length}. The products run on copies in small scratch
     * arrays: JavaCPP hands OpenBLAS whole Java arrays, so a product on a slice of the batch's
     * arrays would move the whole batch across JNI.
     */
    private void attend(int b) {
        float[] q = queries[b];
        float[] k = keys[b];
        float[] v = values[b];
        float[] a = attention[b];
        float[] kept = attentionKept[b];
        float[] mask = attentionMask == null ? null : attentionMask[b];
        float[] c = context[b];
        float scale = (float) (1 / Math.sqrt(hidden));
        for (int r = 0; r < count; r++) {
            int n = length - padding[r];
            int start = r * length * hidden;
            int first = start + padding[r] * hidden;
            int block = r * length * length;
            Arrays.fill(c, start, first, 0f);
            System.arraycopy(q, first, scratchQ, 0, n * hidden);
            System.arraycopy(k, first, scratchK, 0, n * hidden);
            Gemm.multiply(n, n, hidden, scratchQ, hidden, false, scratchK, hidden, true, scratchS, 0f);
            for (int i = 0; i < n; i++) {
                int row = i * n;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    max = Math.max(max, scratchS[row + j] * scale);
                }
                float sum = 0;
                for (int j = 0; j <= i; j++) {
                    float e = (float) Math.exp(scratchS[row + j] * scale - max);
                    scratchS[row + j] = e;
                    sum += e;
                }
                float inverse = 1 / sum;
                for (int j = 0; j <= i; j++) {
                    float w = scratchS[row + j] * inverse;
                    a[block + row + j] = w;
                    scratchS[row + j] = mask == null ? w : w * mask[block + row + j];
                }
                for (int j = i + 1; j < n; j++) {
                    a[block + row + j] = 0f;
                    scratchS[row + j] = 0f;
                }
            }
            if (mask != null) {
                System.arraycopy(scratchS, 0, kept, block, n * n);
            }
            System.arraycopy(v, first, scratchK, 0, n * hidden);
            Gemm.multiply(n, hidden, n, scratchS, n, false, scratchK, hidden, false, scratchQ, 0f);
            System.arraycopy(scratchQ, 0, c, first, n * hidden);
        }
    }

    /** {@code out = in * w + bias} over {@code rows} rows. */
    void linear(float[] in, float[] w, float[] bias, int rows, float[] out) {
        Gemm.multiply(rows, hidden, hidden, in, hidden, false, w, hidden, false, out, 0f);
        for (int r = 0, base = 0; r < rows; r++, base += hidden) {
            for (int c = 0; c < hidden; c++) {
                out[base + c] += bias[c];
            }
        }
    }

    private void drawMasks(float keep, RandomGenerator rng) {
        float kept = 1 / keep;
        fillMask(inputMask, keep, kept, rng);
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < count; r++) {
                int pad = padding[r];
                int n = length - pad;
                int block = r * length * length;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        attentionMask[b][block + i * n + j] = rng.nextFloat() < keep ? kept : 0f;
                    }
                }
            }
            fillMask(activationMask[b], keep, kept, rng);
            fillMask(outputMask[b], keep, kept, rng);
        }
    }

    /** Masks the real rows only, so a draw does not depend on how much padding a batch has. */
    private void fillMask(float[] mask, float keep, float kept, RandomGenerator rng) {
        for (int r = 0; r < count; r++) {
            for (int i = (r * length + padding[r]) * hidden, end = (r + 1) * length * hidden; i < end; i++) {
                mask[i] = rng.nextFloat() < keep ? kept : 0f;
            }
        }
    }
}
