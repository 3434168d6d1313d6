package dev.m6rec.plugins.dl4j.train;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One parameter array of a fused training kernel with its gradient and Adam moments, updated
 * the way DL4J's {@code Adam} updater does (beta1 0.9, beta2 0.999, epsilon 1e-8) followed by
 * DL4J's weight decay: {@code value -= decay * value} with the value before the step, where
 * {@code decay} is what DL4J's {@code WeightDecay} regularizations of the parameter add up to
 * (learning rate x coefficient each; 0 for biases, which DL4J leaves alone).
 *
 * <p>A dense parameter takes a step on every element. An embedding table ({@link #table}) takes
 * lazy Adam: only the rows {@link #touch touched} since the last step move (and decay), as with
 * sparse gradients; DL4J's dense Adam would also keep moving untouched rows on their old moments.
 *
 * <pre>{@code
 * AdamParameter w = AdamParameter.dense(weights, learningRate * weightDecay);
 * w.clearGradient();  ...accumulate into w.gradient...;  w.update(AdamParameter.correction(lr, step));
 * }</pre>
 */
public final class AdamParameter {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    /** The values, shared with whoever owns them (updated in place). */
    public final float[] values;
    /** The gradient accumulated since {@link #clearGradient}. */
    public final float[] gradient;
    private final float[] m;
    private final float[] v;
    private final float decay;
    /** Row width of a table, 0 for a dense parameter. */
    private final int rowWidth;
    private final int[] touchedRows;
    private final int[] rowStamp;
    private int touchedCount;
    private int stamp = 1;

    private AdamParameter(float[] values, float decay, int rowWidth) {
        this.values = requireNonNull(values, "values is null");
        this.gradient = new float[values.length];
        this.m = new float[values.length];
        this.v = new float[values.length];
        this.decay = decay;
        this.rowWidth = rowWidth;
        int rows = rowWidth == 0 ? 0 : values.length / rowWidth;
        if (rowWidth > 0 && rows * rowWidth != values.length) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + rowWidth);
        }
        this.touchedRows = new int[rows];
        this.rowStamp = new int[rows];
    }

    /** A weight or bias that every step updates; {@code decay} is the share of its value each step removes. */
    public static AdamParameter dense(float[] values, float decay) {
        return new AdamParameter(values, decay, 0);
    }

    /** An embedding table of rows {@code width} wide, updated (and decayed) lazily on touched rows. */
    public static AdamParameter table(float[] values, int width, float decay) {
        if (width <= 0) {
            throw new IllegalArgumentException("row width " + width);
        }
        return new AdamParameter(values, decay, width);
    }

    /** Marks {@code row} of a table as part of this step; returns its first index. */
    public int touch(int row) {
        if (rowStamp[row] != stamp) {
            rowStamp[row] = stamp;
            touchedRows[touchedCount++] = row;
        }
        return row * rowWidth;
    }

    /** Zeroes the gradient (of a table, only the rows touched since the last clear) and forgets touched rows. */
    public void clearGradient() {
        if (rowWidth == 0) {
            Arrays.fill(gradient, 0f);
            return;
        }
        for (int k = 0; k < touchedCount; k++) {
            int from = touchedRows[k] * rowWidth;
            Arrays.fill(gradient, from, from + rowWidth, 0f);
        }
        touchedCount = 0;
        stamp++;
    }

    /** Adam's bias-corrected step size at step {@code step} (1-based), as DL4J computes it. */
    public static float correction(float learningRate, int step) {
        return (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
    }

    /** One Adam step from the accumulated gradient, with {@link #correction}'s step size. */
    public void update(float correction) {
        if (rowWidth == 0) {
            step(0, values.length, correction);
            return;
        }
        for (int k = 0; k < touchedCount; k++) {
            int from = touchedRows[k] * rowWidth;
            step(from, from + rowWidth, correction);
        }
    }

    private void step(int from, int to, float correction) {
        float[] p = values;
        float[] g = gradient;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = BETA1 * m[i] + (1 - BETA1) * gi;
            float vi = BETA2 * v[i] + (1 - BETA2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= correction * mi / ((float) Math.sqrt(vi) + EPSILON) + decay * p[i];
        }
    }
}
