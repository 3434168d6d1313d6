package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.train.HostArray;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network's input and label arrays for one batch size, allocated once and refilled. With the
 * text encoder on, a fourth input holds each target item's word indexes.
 */
final class CaserBatch {
    private final int rows;
    private final int length;
    private final HostArray sequences;
    private final HostArray users;
    private final HostArray targets;
    private final HostArray labels;
    /** {@code [numItems][tokens]} word indexes, or null when the text encoder is off. */
    private final float[] itemTokens;
    private final HostArray texts;
    private final int tokensPerItem;

    CaserBatch(int rows, int length, ItemTokens tokens) {
        this.rows = rows;
        this.length = length;
        this.sequences = new HostArray(rows, length);
        this.users = new HostArray(rows, 1);
        this.targets = new HostArray(rows, 1);
        this.labels = new HostArray(rows, 1);
        this.itemTokens = tokens == null ? null : tokens.asFloats();
        this.texts = tokens == null ? null : new HostArray(rows, tokens.tokens());
        this.tokensPerItem = tokens == null ? 0 : tokens.tokens();
    }

    void fill(CaserExamples examples, int start) {
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            sequences.putRow(r, examples.sequences, e * length);
            users.put(r, examples.users[e]);
            targets.put(r, examples.targets[e]);
            labels.put(r, examples.labels[e]);
            if (texts != null) {
                texts.putRow(r, itemTokens, examples.targetItems[e] * tokensPerItem);
            }
        }
    }

    INDArray[] inputs() {
        return texts == null ? new INDArray[] {sequences.array(), users.array(), targets.array()}
                : new INDArray[] {sequences.array(), users.array(), targets.array(), texts.array()};
    }

    INDArray[] labels() {
        return new INDArray[] {labels.array()};
    }
}
