package dev.m6rec.plugins.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float copies between Java arrays and ND4J arrays through a direct view of the native buffer:
 * one bulk memory copy, where ND4J's {@code create(float[])} and {@code data().asFloat()} move
 * the values one at a time (a fifth of reloading the serving benchmark's mlp, 30 MB of
 * parameters).
 */
public final class Nd4jFloats {
    private Nd4jFloats() {
    }

    /** The values of {@code array} in row-major order. */
    public static float[] copyOf(INDArray array) {
        INDArray dense = array.castTo(DataType.FLOAT).dup('c');
        float[] values = new float[(int) dense.length()];
        dense.data().asNioFloat().get(values);
        return values;
    }

    /** A {@code [1, n]} float array holding {@code values}. */
    public static INDArray rowVector(float[] values) {
        INDArray row = Nd4j.createUninitialized(DataType.FLOAT, 1, values.length);
        row.data().asNioFloat().put(values);
        return row;
    }
}
