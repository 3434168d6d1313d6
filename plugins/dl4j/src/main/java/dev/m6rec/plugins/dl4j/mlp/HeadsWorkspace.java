package dev.m6rec.plugins.dl4j.mlp;

import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's working memory for {@link MlpForward#heads}, grown to the largest call it has
 * seen: two Java arrays that the element loops (gather, bias, activation, the top rows) take
 * turns writing, and two native buffers that OpenBLAS reads and writes.
 *
 * <p>Why: a served request ran its few hundred candidates through about 200 KB of fresh arrays,
 * half of the serving path's allocation, and each Java array handed to OpenBLAS is copied whole
 * into native memory and back out by the JNI call. Here only the rows a product needs cross, once
 * each way, and the weights stay native ({@link MlpForward}).
 */
final class HeadsWorkspace {
    private float[] first = new float[0];
    private float[] second = new float[0];
    private FloatPointer input = new FloatPointer(1);
    private FloatPointer output = new FloatPointer(1);

    /** A Java array of at least {@code size} values that is not {@code busy} (whose values the caller still reads). */
    float[] rowsOtherThan(float[] busy, int size) {
        if (busy != first) {
            if (first.length < size) {
                first = new float[size];
            }
            return first;
        }
        if (second.length < size) {
            second = new float[size];
        }
        return second;
    }

    /** The native input of a product, holding {@code rows[0 .. size)}. */
    FloatPointer input(float[] rows, int size) {
        if (input.capacity() < size) {
            input.close();
            input = new FloatPointer(size);
        }
        input.position(0).put(rows, 0, size);
        return input;
    }

    /** The native output of a product of {@code size} values. */
    FloatPointer output(int size) {
        if (output.capacity() < size) {
            output.close();
            output = new FloatPointer(size);
        }
        return output.position(0);
    }
}
