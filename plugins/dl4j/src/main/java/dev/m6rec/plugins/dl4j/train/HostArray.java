package dev.m6rec.plugins.dl4j.train;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float32 ND4J array allocated once and refilled from Java through a view of its native
 * buffer, so building a minibatch costs plain memory writes instead of one array allocation
 * (and copy) per batch.
 *
 * <pre>{@code
 * HostArray users = new HostArray(256, 1);
 * users.put(row, userIndex);
 * net.fit(new INDArray[] {users.array(), ...}, labels);
 * }</pre>
 */
public final class HostArray {
    private final INDArray array;
    private final FloatBuffer buffer;
    private final int columns;

    public HostArray(int rows, int columns) {
        this.array = Nd4j.create(DataType.FLOAT, rows, columns);
        this.buffer = array.data().asNioFloat();
        this.columns = columns;
    }

    public INDArray array() {
        return array;
    }

    public void put(int row, float value) {
        buffer.put(row * columns, value);
    }

    public void put(int row, int column, float value) {
        buffer.put(row * columns + column, value);
    }

    public float get(int row, int column) {
        return buffer.get(row * columns + column);
    }

    /** Sets every value of row {@code row} to 0. */
    public void clearRow(int row) {
        for (int c = 0, base = row * columns; c < columns; c++) {
            buffer.put(base + c, 0f);
        }
    }

    /** Copies {@code columns} values of {@code source} from {@code offset} into row {@code row}. */
    public void putRow(int row, float[] source, int offset) {
        buffer.put(row * columns, source, offset, columns);
    }
}
