package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.plugins.dl4j.train.HostArray;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The network's input and label arrays for one batch size, allocated once and refilled. */
final class CaserBatch {
    private final int rows;
    private final int length;
    private final HostArray sequences;
    private final HostArray users;
    private final HostArray targets;
    private final HostArray labels;

    CaserBatch(int rows, int length) {
        this.rows = rows;
        this.length = length;
        this.sequences = new HostArray(rows, length);
        this.users = new HostArray(rows, 1);
        this.targets = new HostArray(rows, 1);
        this.labels = new HostArray(rows, 1);
    }

    void fill(CaserExamples examples, int start) {
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            sequences.putRow(r, examples.sequences, e * length);
            users.put(r, examples.users[e]);
            targets.put(r, examples.targets[e]);
            labels.put(r, examples.labels[e]);
        }
    }

    INDArray[] inputs() {
        return new INDArray[] {sequences.array(), users.array(), targets.array()};
    }

    INDArray[] labels() {
        return new INDArray[] {labels.array()};
    }
}
