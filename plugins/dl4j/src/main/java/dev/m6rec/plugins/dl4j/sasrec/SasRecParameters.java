package dev.m6rec.plugins.dl4j.sasrec;

import java.util.random.RandomGenerator;

/**
 * SASRec's parameters as one float array per tensor, row-major, in a fixed order that is also
 * the artifact's layout: the item table {@code [items][hidden]} (input embedding and output layer
 * at once), the position table {@code [length][hidden]}, the final layer norm's gain and bias, and
 * per block: layer norm 1, the query, key, value and output projections {@code [hidden][hidden]}
 * with their biases, layer norm 2, and the two feed-forward layers with their biases.
 */
final class SasRecParameters {
    static final int ITEMS = 0;
    static final int POSITIONS = 1;
    static final int FINAL_GAIN = 2;
    static final int FINAL_BIAS = 3;
    private static final int GLOBAL = 4;

    /** Tensor offsets inside a block. */
    static final int NORM1_GAIN = 0;
    static final int NORM1_BIAS = 1;
    static final int WQ = 2;
    static final int BQ = 3;
    static final int WK = 4;
    static final int BK = 5;
    static final int WV = 6;
    static final int BV = 7;
    static final int WO = 8;
    static final int BO = 9;
    static final int NORM2_GAIN = 10;
    static final int NORM2_BIAS = 11;
    static final int W1 = 12;
    static final int B1 = 13;
    static final int W2 = 14;
    static final int B2 = 15;
    private static final int PER_BLOCK = 16;

    final int numItems;
    final int hidden;
    final int blocks;
    final int length;
    final float[][] tensors;

    private SasRecParameters(int numItems, int hidden, int blocks, int length, float[][] tensors) {
        this.numItems = numItems;
        this.hidden = hidden;
        this.blocks = blocks;
        this.length = length;
        this.tensors = tensors;
    }

    /** Zeros in the right shapes. */
    static SasRecParameters zeros(int numItems, int hidden, int blocks, int length) {
        int count = GLOBAL + PER_BLOCK * blocks;
        float[][] t = new float[count][];
        t[ITEMS] = new float[Math.multiplyExact(numItems, hidden)];
        t[POSITIONS] = new float[length * hidden];
        t[FINAL_GAIN] = new float[hidden];
        t[FINAL_BIAS] = new float[hidden];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < PER_BLOCK; k++) {
                boolean matrix = k == WQ || k == WK || k == WV || k == WO || k == W1 || k == W2;
                t[GLOBAL + PER_BLOCK * b + k] = new float[matrix ? hidden * hidden : hidden];
            }
        }
        return new SasRecParameters(numItems, hidden, blocks, length, t);
    }

    /**
     * Xavier-normal tables and matrices, unit layer-norm gains and zero biases, as the reference
     * PyTorch implementation initialises them.
     */
    static SasRecParameters initial(int numItems, int hidden, int blocks, int length, RandomGenerator rng) {
        SasRecParameters p = zeros(numItems, hidden, blocks, length);
        xavier(p.tensors[ITEMS], numItems, hidden, rng);
        xavier(p.tensors[POSITIONS], length, hidden, rng);
        java.util.Arrays.fill(p.tensors[FINAL_GAIN], 1f);
        for (int b = 0; b < blocks; b++) {
            java.util.Arrays.fill(p.block(b, NORM1_GAIN), 1f);
            java.util.Arrays.fill(p.block(b, NORM2_GAIN), 1f);
            for (int k : new int[] {WQ, WK, WV, WO, W1, W2}) {
                xavier(p.block(b, k), hidden, hidden, rng);
            }
        }
        return p;
    }

    private static void xavier(float[] values, int fanOut, int fanIn, RandomGenerator rng) {
        double std = Math.sqrt(2.0 / (fanIn + fanOut));
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * std);
        }
    }

    float[] block(int block, int tensor) {
        return tensors[index(block, tensor)];
    }

    /** The position in {@link #tensors} of a block's tensor. */
    static int index(int block, int tensor) {
        return GLOBAL + PER_BLOCK * block + tensor;
    }

    /** Whether weight decay applies: to matrices and tables, not to biases or layer-norm gains. */
    boolean decays(int tensor) {
        if (tensor < GLOBAL) {
            return tensor == ITEMS || tensor == POSITIONS;
        }
        int k = (tensor - GLOBAL) % PER_BLOCK;
        return k == WQ || k == WK || k == WV || k == WO || k == W1 || k == W2;
    }

    int size() {
        int n = 0;
        for (float[] t : tensors) {
            n += t.length;
        }
        return n;
    }

    float[] flatten() {
        float[] flat = new float[size()];
        int at = 0;
        for (float[] t : tensors) {
            System.arraycopy(t, 0, flat, at, t.length);
            at += t.length;
        }
        return flat;
    }

    /** Parameters of this shape holding {@code flat} (as {@link #flatten} lays it out). */
    SasRecParameters withValues(float[] flat) {
        if (flat.length != size()) {
            throw new IllegalArgumentException(flat.length + " values for " + size() + " parameters");
        }
        SasRecParameters p = zeros(numItems, hidden, blocks, length);
        int at = 0;
        for (float[] t : p.tensors) {
            System.arraycopy(flat, at, t, 0, t.length);
            at += t.length;
        }
        return p;
    }

    SasRecParameters copy() {
        return withValues(flatten());
    }
}
