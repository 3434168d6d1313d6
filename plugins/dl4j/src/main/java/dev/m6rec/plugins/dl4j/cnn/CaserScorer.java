package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.graph.GraphReplicas;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores items for a user with a fitted {@code cnn}: one network call computes the user's state
 * (convolutions over the last L history items, plus the user embedding); every item is then one
 * dot product with a per-item vector folded from the target embedding and the output weights.
 * Thread-safe: the network call borrows a replica, the item vectors are immutable.
 */
final class CaserScorer {
    private final GraphReplicas replicas;
    private final CaserShape shape;
    private final int length;
    private final int stateWidth;
    private final boolean[] trainedUsers;
    private final boolean[] trainedItems;
    /** {@code [numItems][2d]}: w ⊙ q_item. */
    private final float[] itemVectors;
    /** {@code [numItems]}: w_b * bias_item + b. */
    private final float[] itemConstants;

    CaserScorer(GraphReplicas replicas, CaserShape shape, int length, int embedding, boolean[] trainedUsers,
                boolean[] trainedItems) {
        this.replicas = requireNonNull(replicas, "replicas is null");
        this.shape = shape;
        this.length = length;
        this.stateWidth = 2 * embedding;
        this.trainedUsers = trainedUsers;
        this.trainedItems = trainedItems;
        this.itemVectors = new float[shape.numItems() * stateWidth];
        this.itemConstants = new float[shape.numItems()];
        replicas.apply(graph -> {
            fold(graph);
            return null;
        });
    }

    private void fold(ComputationGraph graph) {
        float[] targets = graph.getParam(CaserNetwork.TARGET_EMBEDDING + "_W").dup('c').data().asFloat();
        float[] biases = graph.getParam(CaserNetwork.TARGET_BIAS + "_W").dup('c').data().asFloat();
        float[] w = graph.getParam(CaserNetwork.NEXT + "_W").dup('c').data().asFloat();
        float b = graph.getParam(CaserNetwork.NEXT + "_b").getFloat(0);
        for (int item = 0; item < shape.numItems(); item++) {
            int row = trainedItems[item] ? item : shape.padItem();
            for (int k = 0; k < stateWidth; k++) {
                itemVectors[item * stateWidth + k] = w[k] * targets[row * stateWidth + k];
            }
            itemConstants[item] = w[stateWidth] * biases[row] + b;
        }
    }

    GraphReplicas replicas() {
        return replicas;
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
        INDArray[] inputs = {
                Nd4j.create(sequence, new long[] {1, length}, DataType.FLOAT),
                Nd4j.create(new float[] {userRow}, new long[] {1, 1}, DataType.FLOAT),
                Nd4j.create(new float[] {0}, new long[] {1, 1}, DataType.FLOAT)};
        INDArray[] parts = replicas.apply(graph -> graph.output(
                List.of(CaserNetwork.SEQUENCE_STATE, CaserNetwork.USER_EMBEDDING), false, inputs, null));
        float[] state = new float[stateWidth];
        float[] sequencePart = parts[0].dup('c').data().asFloat();
        float[] userPart = parts[1].dup('c').data().asFloat();
        System.arraycopy(sequencePart, 0, state, 0, stateWidth / 2);
        System.arraycopy(userPart, 0, state, stateWidth / 2, stateWidth / 2);
        return state;
    }
}
