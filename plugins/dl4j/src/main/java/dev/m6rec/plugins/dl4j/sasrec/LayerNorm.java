package dev.m6rec.plugins.dl4j.sasrec;

/**
 * Layer normalisation over each row of a row-major {@code [rows][width]} array, forward and
 * backward, keeping the normalised values and each row's inverse deviation for the backward pass.
 * A row of zeros (a padding position) normalises to zeros and passes no gradient.
 */
final class LayerNorm {
    /** As in the reference SASRec implementation. */
    static final float EPSILON = 1e-8f;

    private LayerNorm() {
    }

    /** {@code out = gain * (x - mean) / sqrt(variance + EPSILON) + bias}, row by row. */
    static void forward(float[] x, float[] gain, float[] bias, int rows, int width, float[] normalised,
                        float[] inverseDeviation, float[] out) {
        for (int r = 0, base = 0; r < rows; r++, base += width) {
            float mean = 0;
            for (int c = 0; c < width; c++) {
                mean += x[base + c];
            }
            mean /= width;
            float variance = 0;
            for (int c = 0; c < width; c++) {
                float centred = x[base + c] - mean;
                variance += centred * centred;
            }
            float inverse = (float) (1.0 / Math.sqrt(variance / width + EPSILON));
            inverseDeviation[r] = inverse;
            for (int c = 0; c < width; c++) {
                float n = (x[base + c] - mean) * inverse;
                normalised[base + c] = n;
                out[base + c] = gain[c] * n + bias[c];
            }
        }
    }

    /**
     * Adds the gradient with respect to the input to {@code dx} (or writes it, when {@code accumulate}
     * is false), and adds the gain's and bias's gradients to {@code dGain} and {@code dBias}.
     */
    static void backward(float[] dOut, float[] normalised, float[] inverseDeviation, float[] gain, int rows,
                         int width, float[] dGain, float[] dBias, float[] dx, boolean accumulate) {
        for (int r = 0, base = 0; r < rows; r++, base += width) {
            float meanD = 0;
            float meanDn = 0;
            for (int c = 0; c < width; c++) {
                float g = dOut[base + c];
                float n = normalised[base + c];
                dGain[c] += g * n;
                dBias[c] += g;
                float dn = g * gain[c];
                meanD += dn;
                meanDn += dn * n;
            }
            meanD /= width;
            meanDn /= width;
            float inverse = inverseDeviation[r];
            for (int c = 0; c < width; c++) {
                float n = normalised[base + c];
                float value = inverse * (dOut[base + c] * gain[c] - meanD - n * meanDn);
                dx[base + c] = accumulate ? dx[base + c] + value : value;
            }
        }
    }
}
