package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@code cnn} network's training step fused into one pass over preallocated float arrays:
 * the sequence-embedding image, the horizontal convolutions (im2col and OpenBLAS through
 * {@link Gemm}, ReLU, max over time), the vertical convolution, the dense sequence state, the
 * user embedding, the target embedding plus (optionally) the text encoder's vector, the sigmoid
 * output with binary cross-entropy averaged over the batch, the backward pass and Adam, for
 * exactly the graph that {@link CaserNetwork} describes. DL4J's own {@code ComputationGraph.fit}
 * spends tens of microseconds per op on bookkeeping, several times the arithmetic at these sizes.
 *
 * <p>It trains a {@link CaserParameters} in place, copied from and back into the DL4J network
 * (same values, same initialisation), so scoring, persistence and the configuration JSON stay
 * DL4J's. Everything follows DL4J (Adam's defaults, weight decay after the updater as the layers
 * configure it, see {@link CaserParameters}, inverted dropout on the sequence state's input,
 * the clipped cross-entropy) with one deliberate difference: the
 * embedding tables take lazy Adam, so only rows seen in the batch move (as with sparse
 * gradients), where DL4J's dense Adam keeps moving every row on its old moments.
 *
 * <p>The rows of one training window (its positive and negatives) share the user and the
 * sequence, so without dropout their state is computed once and their gradients summed, the same
 * sums DL4J forms row by row; with dropout every row draws its own mask and keeps its own state.
 */
final class CaserKernel {
    private final int embedding;
    private final int length;
    private final int horizontalFilters;
    private final int verticalFilters;
    private final int convolutionWidth;
    private final int stateWidth;
    private final float retain;
    private final boolean shareWindows;
    private final float learningRate;
    private final int maxRows;
    /** Every trained parameter by DL4J name. */
    private final Map<String, AdamParameter> parameters = new LinkedHashMap<>();
    private final CaserParameters values;

    private final AdamParameter sequenceTable;
    private final AdamParameter userTable;
    private final AdamParameter targetTable;
    private final AdamParameter targetBias;
    private final MaxPooledConvolution[] horizontal;
    private final AdamParameter vertical;
    private final AdamParameter verticalBias;
    private final AdamParameter stateWeights;
    private final AdamParameter stateBias;
    private final AdamParameter outputWeights;
    private final AdamParameter outputBias;
    /** The text encoder's branch, or null when the encoder is off. */
    private final TextEncoderKernel text;

    // Per batch: groups of rows sharing (user, sequence), and each row's group and text slot.
    private int groups;
    private final int[] groupOf;
    private final int[] groupUser;
    private final int[] groupSequence;
    private final int[] textSlot;
    // Activations and their gradients, per group.
    private final float[] image;
    private final float[] imageGrad;
    private final float[] features;
    private final float[] droppedFeatures;
    private final float[] dropMask;
    private final float[] featureGrad;
    private final float[] sequenceState;
    private final float[] sequenceStateGrad;
    private final float[] stateGrad;
    // One row's target vector, state and gradient at the target vector.
    private final float[] targetVector;
    private final float[] state;
    private final float[] matchGrad;

    private int step;
    private double lossSum;
    private long lossRows;

    /**
     * A kernel training {@code values} in place for batches of up to {@code maxRows} rows;
     * {@code tokens} are the items' words, null when the text encoder is off.
     */
    CaserKernel(CaserSettings settings, CaserParameters values, ItemTokens tokens, int maxRows) {
        if (settings.text().enabled() != (tokens != null)) {
            throw new IllegalArgumentException("item tokens " + (tokens == null ? "missing" : "given")
                    + " with the text encoder " + (settings.text().enabled() ? "on" : "off"));
        }
        this.values = values;
        this.embedding = settings.embedding();
        this.length = settings.length();
        this.horizontalFilters = settings.horizontalFilters();
        this.verticalFilters = settings.verticalFilters();
        int[] heights = settings.heights();
        this.convolutionWidth = horizontalFilters * heights.length + verticalFilters * embedding;
        this.stateWidth = 2 * embedding;
        this.retain = (float) (1 - settings.training().dropout());
        this.shareWindows = retain >= 1f;
        this.learningRate = (float) settings.training().learningRate();
        this.maxRows = maxRows;

        sequenceTable = table("sequence-embedding_W", embedding);
        userTable = table(CaserNetwork.USER_EMBEDDING + "_W", embedding);
        targetTable = table(CaserNetwork.TARGET_EMBEDDING + "_W", stateWidth);
        targetBias = table(CaserNetwork.TARGET_BIAS + "_W", 1);
        horizontal = new MaxPooledConvolution[heights.length];
        for (int i = 0; i < heights.length; i++) {
            horizontal[i] = new MaxPooledConvolution(dense("horizontal-" + heights[i] + "_W"),
                    dense("horizontal-" + heights[i] + "_b"), MaxPooledConvolution.Layout.FILTER_CHANNEL_POSITION,
                    embedding, heights[i], length, horizontalFilters, maxRows);
        }
        vertical = verticalFilters > 0 ? dense("vertical_W") : null;
        verticalBias = verticalFilters > 0 ? dense("vertical_b") : null;
        stateWeights = dense(CaserNetwork.SEQUENCE_STATE + "_W");
        stateBias = dense(CaserNetwork.SEQUENCE_STATE + "_b");
        outputWeights = dense(CaserNetwork.NEXT + "_W");
        outputBias = dense(CaserNetwork.NEXT + "_b");
        text = tokens == null ? null
                : new TextEncoderKernel(values, settings.text(), tokens, stateWidth, maxRows);
        if (text != null) {
            parameters.putAll(text.parameters());
        }
        for (String name : values.names()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalStateException("the fused cnn kernel does not train parameter " + name);
            }
        }
        if (outputWeights.values.length != stateWidth + 1 || stateWeights.values.length != convolutionWidth * embedding) {
            throw new IllegalStateException("unexpected output or state widths: " + outputWeights.values.length + ", "
                    + stateWeights.values.length);
        }

        groupOf = new int[maxRows];
        groupUser = new int[maxRows];
        groupSequence = new int[maxRows * length];
        textSlot = new int[maxRows];
        image = new float[maxRows * length * embedding];
        imageGrad = new float[maxRows * length * embedding];
        features = new float[maxRows * convolutionWidth];
        droppedFeatures = shareWindows ? null : new float[maxRows * convolutionWidth];
        dropMask = shareWindows ? null : new float[maxRows * convolutionWidth];
        featureGrad = new float[maxRows * convolutionWidth];
        sequenceState = new float[maxRows * embedding];
        sequenceStateGrad = new float[maxRows * embedding];
        stateGrad = new float[maxRows * stateWidth];
        targetVector = new float[stateWidth];
        state = new float[stateWidth];
        matchGrad = new float[stateWidth];
    }

    private AdamParameter table(String name, int width) {
        AdamParameter p = AdamParameter.table(values.get(name), width, values.decay(name));
        parameters.put(name, p);
        return p;
    }

    private AdamParameter dense(String name) {
        AdamParameter p = AdamParameter.dense(values.get(name), values.decay(name));
        parameters.put(name, p);
        return p;
    }

    // ---------------------------------------------------------------- training

    /** One Adam step on rows {@code [start, start + rows)} of {@code examples}; {@code rng} draws dropout masks. */
    void step(CaserExamples examples, int start, int rows, RandomGenerator rng) {
        gradients(examples, start, rows, rng);
        update();
    }

    /** Forward and backward pass only; the gradients stay in the parameters (tests compare them with DL4J's). */
    void gradients(CaserExamples examples, int start, int rows, RandomGenerator rng) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows exceed the kernel's " + maxRows);
        }
        for (AdamParameter p : parameters.values()) {
            p.clearGradient();
        }
        group(examples, start, rows);
        forwardState(rng);
        if (text != null) {
            text.begin();
            for (int r = 0; r < rows; r++) {
                textSlot[r] = text.slot(examples.targetItems[start + r]);
            }
            text.forward();
        }
        output(examples, start, rows);
        backwardState();
        if (text != null) {
            text.backward();
        }
    }

    /** Groups the rows by (user, sequence) and gathers each group's image {@code [length][embedding]}. */
    private void group(CaserExamples examples, int start, int rows) {
        groups = 0;
        float[] sequences = examples.sequences;
        float[] table = sequenceTable.values;
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            if (!shareWindows || r == 0 || examples.users[e] != examples.users[e - 1]
                    || !Arrays.equals(sequences, e * length, (e + 1) * length, sequences, (e - 1) * length, e * length)) {
                int g = groups++;
                groupUser[g] = examples.users[e];
                for (int t = 0; t < length; t++) {
                    int item = (int) sequences[e * length + t];
                    groupSequence[g * length + t] = item;
                    System.arraycopy(table, item * embedding, image, (g * length + t) * embedding, embedding);
                }
            }
            groupOf[r] = groups - 1;
        }
    }

    private void forwardState(RandomGenerator rng) {
        int n = groups;
        for (int i = 0; i < horizontal.length; i++) {
            horizontal[i].forward(n, image, features, convolutionWidth, i * horizontalFilters);
        }
        if (verticalFilters > 0) {
            float[] w = vertical.values;
            float[] b = verticalBias.values;
            int offset = horizontalFilters * horizontal.length;
            for (int g = 0; g < n; g++) {
                int in = g * length * embedding;
                for (int v = 0; v < verticalFilters; v++) {
                    int out = g * convolutionWidth + offset + v * embedding;
                    Arrays.fill(features, out, out + embedding, b[v]);
                    for (int t = 0; t < length; t++) {
                        float wt = w[v * length + t];
                        int x = in + t * embedding;
                        for (int k = 0; k < embedding; k++) {
                            features[out + k] += wt * image[x + k];
                        }
                    }
                }
            }
        }
        float[] input = stateInput();
        if (!shareWindows) {
            float scale = 1f / retain;
            for (int i = 0; i < n * convolutionWidth; i++) {
                float m = rng.nextFloat() < retain ? scale : 0f;
                dropMask[i] = m;
                droppedFeatures[i] = features[i] * m;
            }
        }
        Gemm.multiply(n, embedding, convolutionWidth, input, convolutionWidth, false, stateWeights.values, embedding,
                false, sequenceState, 0f);
        float[] b = stateBias.values;
        for (int g = 0; g < n; g++) {
            int base = g * embedding;
            for (int k = 0; k < embedding; k++) {
                float z = sequenceState[base + k] + b[k];
                sequenceState[base + k] = z > 0 ? z : 0f;
            }
        }
    }

    /** The sequence state's input: the convolution features, after dropout when it is on. */
    private float[] stateInput() {
        return shareWindows ? features : droppedFeatures;
    }

    /** The output layer, its loss and gradient, and the gradients at the state and the target vectors. */
    private void output(CaserExamples examples, int start, int rows) {
        Arrays.fill(stateGrad, 0, groups * stateWidth, 0f);
        float perRow = 1f / rows;   // DL4J averages the loss over the minibatch
        float[] w = outputWeights.values;
        float[] wGrad = outputWeights.gradient;
        float biasWeight = w[stateWidth];
        float[] targets = targetTable.values;
        float[] targetGrad = targetTable.gradient;
        float[] users = userTable.values;
        float[] textVectors = text == null ? null : text.vectors();
        float[] textGrad = text == null ? null : text.vectorGrad();
        float outputBiasGrad = 0f;
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            int g = groupOf[r];
            int target = examples.targets[e];
            int q = target * stateWidth;
            int s = g * embedding;
            int u = groupUser[g] * embedding;
            int tv = text == null ? -1 : textSlot[r] * stateWidth;
            float bias = targetBias.values[target];
            for (int k = 0; k < stateWidth; k++) {
                targetVector[k] = targets[q + k];
            }
            if (tv >= 0) {
                for (int k = 0; k < stateWidth; k++) {
                    targetVector[k] += textVectors[tv + k];
                }
            }
            float logit = outputBias.values[0] + biasWeight * bias;
            for (int k = 0; k < embedding; k++) {
                logit += w[k] * sequenceState[s + k] * targetVector[k];
            }
            for (int k = 0; k < embedding; k++) {
                logit += w[embedding + k] * users[u + k] * targetVector[embedding + k];
            }
            float p = (float) (1 / (1 + Math.exp(-logit)));
            float y = examples.labels[e];
            // DL4J's binary cross-entropy clips the probability, then back-propagates through the sigmoid.
            float clipped = Math.min(Math.max(p, 1e-5f), 1 - 1e-5f);
            lossSum -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped);
            lossRows++;
            float dLogit = (clipped - y) / (clipped * (1 - clipped)) * (p * (1 - p)) * perRow;
            outputBiasGrad += dLogit;
            wGrad[stateWidth] += dLogit * bias;
            targetBias.gradient[targetBias.touch(target)] += dLogit * biasWeight;
            targetTable.touch(target);
            for (int k = 0; k < embedding; k++) {
                state[k] = sequenceState[s + k];
                state[embedding + k] = users[u + k];
            }
            int sg = g * stateWidth;
            for (int k = 0; k < stateWidth; k++) {
                float match = dLogit * w[k];
                wGrad[k] += dLogit * state[k] * targetVector[k];
                stateGrad[sg + k] += match * targetVector[k];
                matchGrad[k] = match * state[k];
                targetGrad[q + k] += matchGrad[k];
            }
            if (tv >= 0) {
                for (int k = 0; k < stateWidth; k++) {
                    textGrad[tv + k] += matchGrad[k];
                }
            }
        }
        outputBias.gradient[0] += outputBiasGrad;
    }

    private void backwardState() {
        int n = groups;
        float[] userGrad = userTable.gradient;
        for (int g = 0; g < n; g++) {
            int u = userTable.touch(groupUser[g]);
            int sg = g * stateWidth;
            int base = g * embedding;
            for (int k = 0; k < embedding; k++) {
                userGrad[u + k] += stateGrad[sg + embedding + k];
                sequenceStateGrad[base + k] = sequenceState[base + k] > 0 ? stateGrad[sg + k] : 0f;
            }
        }
        float[] input = stateInput();
        Gemm.multiply(convolutionWidth, embedding, n, input, convolutionWidth, true, sequenceStateGrad, embedding, false,
                stateWeights.gradient, 1f);
        float[] bGrad = stateBias.gradient;
        for (int g = 0; g < n; g++) {
            for (int k = 0; k < embedding; k++) {
                bGrad[k] += sequenceStateGrad[g * embedding + k];
            }
        }
        Gemm.multiply(n, convolutionWidth, embedding, sequenceStateGrad, embedding, false, stateWeights.values, embedding,
                true, featureGrad, 0f);
        if (!shareWindows) {
            for (int i = 0; i < n * convolutionWidth; i++) {
                featureGrad[i] *= dropMask[i];
            }
        }
        Arrays.fill(imageGrad, 0, n * length * embedding, 0f);
        if (verticalFilters > 0) {
            backwardVertical(n);
        }
        for (int i = 0; i < horizontal.length; i++) {
            horizontal[i].backward(n, featureGrad, convolutionWidth, i * horizontalFilters, imageGrad);
        }
        float[] tableGrad = sequenceTable.gradient;
        for (int g = 0; g < n; g++) {
            for (int t = 0; t < length; t++) {
                int to = sequenceTable.touch(groupSequence[g * length + t]);
                int from = (g * length + t) * embedding;
                for (int k = 0; k < embedding; k++) {
                    tableGrad[to + k] += imageGrad[from + k];
                }
            }
        }
    }

    private void backwardVertical(int n) {
        float[] w = vertical.values;
        float[] wGrad = vertical.gradient;
        float[] bGrad = verticalBias.gradient;
        int offset = horizontalFilters * horizontal.length;
        for (int g = 0; g < n; g++) {
            int in = g * length * embedding;
            for (int v = 0; v < verticalFilters; v++) {
                int out = g * convolutionWidth + offset + v * embedding;
                float biasSum = 0f;
                for (int k = 0; k < embedding; k++) {
                    biasSum += featureGrad[out + k];
                }
                bGrad[v] += biasSum;
                for (int t = 0; t < length; t++) {
                    int x = in + t * embedding;
                    float wt = w[v * length + t];
                    float dot = 0f;
                    for (int k = 0; k < embedding; k++) {
                        float gk = featureGrad[out + k];
                        dot += gk * image[x + k];
                        imageGrad[x + k] += wt * gk;
                    }
                    wGrad[v * length + t] += dot;
                }
            }
        }
    }

    private void update() {
        step++;
        float correction = AdamParameter.correction(learningRate, step);
        for (AdamParameter p : parameters.values()) {
            p.update(correction);
        }
    }

    // ---------------------------------------------------------------- reporting and tests

    CaserParameters parameters() {
        return values;
    }

    /** Mean binary cross-entropy of the rows since the last call (NaN without rows). */
    double takeLoss() {
        double loss = lossRows == 0 ? Double.NaN : lossSum / lossRows;
        lossSum = 0;
        lossRows = 0;
        return loss;
    }

    /** The gradient of one named DL4J parameter after {@link #gradients}, in DL4J's shape (row-major). */
    float[] gradientOf(String name) {
        AdamParameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return p.gradient.clone();
    }
}
