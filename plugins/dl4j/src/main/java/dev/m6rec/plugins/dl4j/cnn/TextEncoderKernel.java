package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text encoder's branch of {@link CaserKernel}: word embeddings, 1-D convolutions with ReLU
 * and max over positions, merge, dense (identity) to the text vector, for exactly the layers
 * {@code text-words}, {@code text-conv-w}, {@code text-pool-w} and {@code text-vector} of
 * {@link CaserNetwork}. A text vector depends on the item alone, so each distinct target item of
 * a batch is encoded once and its rows' gradients are summed before the backward pass (the same
 * sums DL4J forms row by row).
 */
final class TextEncoderKernel {
    private final int tokens;
    private final int wordWidth;
    private final int filters;
    private final int featureWidth;
    private final int vectorWidth;
    /** {@code [numItems][tokens]} word rows. */
    private final int[] itemWords;
    private final AdamParameter words;
    private final AdamParameter dense;
    private final AdamParameter denseBias;
    private final MaxPooledConvolution[] convolutions;
    /** The branch's parameters by DL4J name. */
    private final Map<String, AdamParameter> parameters = new LinkedHashMap<>();
    // Per-batch slots: one per distinct item.
    private final int[] slotOfItem;
    private final int[] itemStamp;
    private final int[] slotItem;
    private int stamp;
    private int slots;
    private final float[] wordInput;
    private final float[] wordGrad;
    private final float[] features;
    private final float[] featureGrad;
    private final float[] vectors;
    private final float[] vectorGrad;

    TextEncoderKernel(CaserParameters p, TextEncoderSettings text, ItemTokens itemTokens, int vectorWidth, int maxRows) {
        this.tokens = text.tokens();
        this.wordWidth = text.wordEmbedding();
        this.filters = text.filters();
        int[] widths = text.widths();
        this.featureWidth = filters * widths.length;
        this.vectorWidth = vectorWidth;
        if (itemTokens.tokens() != this.tokens) {
            throw new IllegalArgumentException(itemTokens.tokens() + " tokens per item, the settings say " + this.tokens);
        }
        float[] all = itemTokens.asFloats();
        this.itemWords = new int[all.length];
        for (int k = 0; k < all.length; k++) {
            itemWords[k] = (int) all[k];
        }
        this.words = AdamParameter.table(p.get("text-words_W"), wordWidth, p.decay("text-words_W"));
        parameters.put("text-words_W", words);
        this.convolutions = new MaxPooledConvolution[widths.length];
        for (int i = 0; i < widths.length; i++) {
            String layer = "text-conv-" + widths[i];
            AdamParameter w = AdamParameter.dense(p.get(layer + "_W"), p.decay(layer + "_W"));
            AdamParameter b = AdamParameter.dense(p.get(layer + "_b"), p.decay(layer + "_b"));
            parameters.put("text-conv-" + widths[i] + "_W", w);
            parameters.put("text-conv-" + widths[i] + "_b", b);
            convolutions[i] = new MaxPooledConvolution(w, b, MaxPooledConvolution.Layout.POSITION_CHANNEL_FILTER,
                    wordWidth, widths[i], this.tokens, filters, maxRows);
        }
        this.dense = AdamParameter.dense(p.get(CaserNetwork.TEXT_VECTOR + "_W"), p.decay(CaserNetwork.TEXT_VECTOR + "_W"));
        this.denseBias = AdamParameter.dense(p.get(CaserNetwork.TEXT_VECTOR + "_b"),
                p.decay(CaserNetwork.TEXT_VECTOR + "_b"));
        parameters.put(CaserNetwork.TEXT_VECTOR + "_W", dense);
        parameters.put(CaserNetwork.TEXT_VECTOR + "_b", denseBias);
        int numItems = itemTokens.numItems();
        this.slotOfItem = new int[numItems];
        this.itemStamp = new int[numItems];
        this.slotItem = new int[maxRows];
        this.wordInput = new float[maxRows * this.tokens * wordWidth];
        this.wordGrad = new float[maxRows * this.tokens * wordWidth];
        this.features = new float[maxRows * featureWidth];
        this.featureGrad = new float[maxRows * featureWidth];
        this.vectors = new float[maxRows * vectorWidth];
        this.vectorGrad = new float[maxRows * vectorWidth];
    }

    Map<String, AdamParameter> parameters() {
        return parameters;
    }

    /** Starts a batch: no item has a slot yet. */
    void begin() {
        stamp++;
        slots = 0;
    }

    /** The slot of {@code item} in this batch, given on first sight. */
    int slot(int item) {
        if (itemStamp[item] != stamp) {
            itemStamp[item] = stamp;
            slotOfItem[item] = slots;
            slotItem[slots++] = item;
        }
        return slotOfItem[item];
    }

    /** Encodes every slot's item; {@link #vectors} then holds {@code [slots][vectorWidth]}, the gradient is zeroed. */
    void forward() {
        int rowLength = tokens * wordWidth;
        float[] table = words.values;
        for (int s = 0; s < slots; s++) {
            int item = slotItem[s];
            for (int t = 0; t < tokens; t++) {
                System.arraycopy(table, itemWords[item * tokens + t] * wordWidth, wordInput, s * rowLength + t * wordWidth,
                        wordWidth);
            }
        }
        for (int i = 0; i < convolutions.length; i++) {
            convolutions[i].forward(slots, wordInput, features, featureWidth, i * filters);
        }
        Gemm.multiply(slots, vectorWidth, featureWidth, features, featureWidth, false, dense.values, vectorWidth, false,
                vectors, 0f);
        float[] b = denseBias.values;
        for (int s = 0; s < slots; s++) {
            int base = s * vectorWidth;
            for (int k = 0; k < vectorWidth; k++) {
                vectors[base + k] += b[k];
            }
        }
        Arrays.fill(vectorGrad, 0, slots * vectorWidth, 0f);
    }

    /** {@code [slots][vectorWidth]} text vectors of this batch. */
    float[] vectors() {
        return vectors;
    }

    /** Where the caller accumulates the gradient at each slot's text vector. */
    float[] vectorGrad() {
        return vectorGrad;
    }

    /** Back-propagates {@link #vectorGrad} into the encoder's parameter gradients. */
    void backward() {
        Gemm.multiply(featureWidth, vectorWidth, slots, features, featureWidth, true, vectorGrad, vectorWidth, false,
                dense.gradient, 1f);
        float[] bGrad = denseBias.gradient;
        for (int s = 0; s < slots; s++) {
            int base = s * vectorWidth;
            for (int k = 0; k < vectorWidth; k++) {
                bGrad[k] += vectorGrad[base + k];
            }
        }
        Gemm.multiply(slots, featureWidth, vectorWidth, vectorGrad, vectorWidth, false, dense.values, vectorWidth, true,
                featureGrad, 0f);
        int rowLength = tokens * wordWidth;
        Arrays.fill(wordGrad, 0, slots * rowLength, 0f);
        for (int i = 0; i < convolutions.length; i++) {
            convolutions[i].backward(slots, featureGrad, featureWidth, i * filters, wordGrad);
        }
        float[] tableGrad = words.gradient;
        for (int s = 0; s < slots; s++) {
            int item = slotItem[s];
            for (int t = 0; t < tokens; t++) {
                int to = words.touch(itemWords[item * tokens + t]);
                int from = s * rowLength + t * wordWidth;
                for (int c = 0; c < wordWidth; c++) {
                    tableGrad[to + c] += wordGrad[from + c];
                }
            }
        }
    }
}
