package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jFloats;
import dev.m6rec.plugins.dl4j.graph.GraphReplicas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores items for a user with a fitted {@code cnn}: {@link CaserStateForward} computes the user's
 * state (convolutions over the last L history items, plus the user embedding) from the network's
 * parameters; every item is then one dot product with a per-item vector folded from its target
 * vector and the output weights. The target vectors (id embedding, plus the text encoding when
 * the encoder is on, from the network's encoder branch) are computed once here, for every item,
 * trained or not. Thread-safe: everything it reads after construction is immutable.
 */
final class CaserScorer {
    /** Items the text encoder runs on per network call while the item vectors are built. */
    private static final int ENCODE_BATCH = 512;
    private final GraphReplicas replicas;
    private final CaserShape shape;
    private final int length;
    private final int stateWidth;
    private final CaserStateForward stateForward;
    private final boolean[] trainedUsers;
    private final boolean[] trainedItems;
    /** The items' words, or null when the text encoder is off. */
    private final ItemTokens tokens;
    /** {@code [numItems][2d]}: q_item, the target embedding (of the padding row when untrained) + text vector. */
    private final float[] targetVectors;
    /** {@link #targetVectors} with column names, shared with callers (FeatureMatrix rows are read-only). */
    private final FeatureMatrix itemEmbeddings;
    /** {@code [numItems][2d]}: w ⊙ q_item. */
    private final float[] itemVectors;
    /** {@code [numItems]}: w_b * bias_item + b. */
    private final float[] itemConstants;

    CaserScorer(GraphReplicas replicas, CaserShape shape, CaserSettings settings, boolean[] trainedUsers,
                boolean[] trainedItems, ItemTokens tokens) {
        this.replicas = requireNonNull(replicas, "replicas is null");
        this.shape = shape;
        this.length = settings.length();
        this.stateWidth = 2 * settings.embedding();
        this.trainedUsers = trainedUsers;
        this.trainedItems = trainedItems;
        this.tokens = tokens;
        this.targetVectors = new float[shape.numItems() * stateWidth];
        this.itemVectors = new float[shape.numItems() * stateWidth];
        this.itemConstants = new float[shape.numItems()];
        this.stateForward = replicas.apply(graph -> {
            fold(graph);
            return new CaserStateForward(settings, CaserParameters.of(graph));
        });
        List<String> names = new ArrayList<>();
        for (int c = 0; c < stateWidth; c++) {
            names.add("cnn-embedding-" + c);
        }
        this.itemEmbeddings = new FeatureMatrix(shape.numItems(), names, targetVectors);
    }

    private void fold(ComputationGraph graph) {
        float[] targets = Nd4jFloats.copyOf(graph.getParam(CaserNetwork.TARGET_EMBEDDING + "_W"));
        float[] biases = Nd4jFloats.copyOf(graph.getParam(CaserNetwork.TARGET_BIAS + "_W"));
        float[] w = Nd4jFloats.copyOf(graph.getParam(CaserNetwork.NEXT + "_W"));
        float b = graph.getParam(CaserNetwork.NEXT + "_b").getFloat(0);
        float[] texts = tokens == null ? null : encodeTexts(graph);
        for (int item = 0; item < shape.numItems(); item++) {
            int row = trainedItems[item] ? item : shape.padItem();
            for (int k = 0; k < stateWidth; k++) {
                float q = targets[row * stateWidth + k];
                if (texts != null) {
                    q += texts[item * stateWidth + k];
                }
                targetVectors[item * stateWidth + k] = q;
                itemVectors[item * stateWidth + k] = w[k] * q;
            }
            itemConstants[item] = w[stateWidth] * biases[row] + b;
        }
    }

    /** Every item's text vector, {@code [numItems][2d]}, from the encoder's branch of the network. */
    private float[] encodeTexts(ComputationGraph graph) {
        int numItems = shape.numItems();
        int width = tokens.tokens();
        float[] all = tokens.asFloats();
        float[] out = new float[numItems * stateWidth];
        for (int start = 0; start < numItems; start += ENCODE_BATCH) {
            int n = Math.min(ENCODE_BATCH, numItems - start);
            float[] text = Arrays.copyOfRange(all, start * width, (start + n) * width);
            float[] padding = new float[n * length];
            Arrays.fill(padding, shape.padItem());
            float[] pads = new float[n];
            Arrays.fill(pads, shape.padItem());
            float[] coldUsers = new float[n];
            Arrays.fill(coldUsers, shape.coldUser());
            // Only the encoder's branch is computed; the other inputs are placeholders of the right shape.
            INDArray[] inputs = {
                    Nd4j.create(padding, new long[] {n, length}, DataType.FLOAT),
                    Nd4j.create(coldUsers, new long[] {n, 1}, DataType.FLOAT),
                    Nd4j.create(pads, new long[] {n, 1}, DataType.FLOAT),
                    Nd4j.create(text, new long[] {n, width}, DataType.FLOAT)};
            INDArray vectors = graph.output(List.of(CaserNetwork.TEXT_VECTOR), false, inputs, null)[0];
            System.arraycopy(Nd4jFloats.copyOf(vectors), 0, out, start * stateWidth, n * stateWidth);
        }
        return out;
    }

    GraphReplicas replicas() {
        return replicas;
    }

    /** Every item's target vector, {@code [numItems][2d]}, columns {@code cnn-embedding-k}. */
    FeatureMatrix itemEmbeddings() {
        return itemEmbeddings;
    }

    void score(UserProfile user, int[] items, float[] out) {
        if (items.length != out.length) {
            throw new IllegalArgumentException("items and out differ in length");
        }
        float[] state = state(user);
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            if (item < 0 || item >= shape.numItems()) {
                throw new IllegalArgumentException("item index " + item + " outside 0.." + (shape.numItems() - 1));
            }
            float logit = itemConstants[item];
            int base = item * stateWidth;
            for (int j = 0; j < stateWidth; j++) {
                logit += itemVectors[base + j] * state[j];
            }
            out[k] = (float) (1 / (1 + Math.exp(-logit)));
        }
    }

    /** The user's state vector: [sequence state | user embedding]. */
    private float[] state(UserProfile user) {
        int[] history = user.history();
        float[] sequence = new float[length];
        CaserExamples.fillSequence(history, 0, history.length, length, shape.padItem(), trainedItems, sequence, 0);
        int userRow = user.index() >= 0 && user.index() < shape.numUsers() && trainedUsers[user.index()]
                ? user.index() : shape.coldUser();
        return stateForward.state(sequence, userRow);
    }
}
