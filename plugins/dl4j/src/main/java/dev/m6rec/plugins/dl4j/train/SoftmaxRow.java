package dev.m6rec.plugins.dl4j.train;

/**
 * The numerically stable half of a softmax over one row of logits inside a larger array: the
 * row's maximum, then the row exponentiated after subtracting it, in place. What each loss does
 * with the sum (probabilities, a log-sum-exp) stays with the loss.
 *
 * <pre>{@code
 * float max = SoftmaxRow.max(logits, base, items);
 * double sum = SoftmaxRow.exponentiate(logits, base, items, max);   // logits[base + i] = exp(l_i - max)
 * }</pre>
 */
public final class SoftmaxRow {
    private SoftmaxRow() {
    }

    public static float max(float[] values, int from, int count) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from, end = from + count; i < end; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** Replaces each value {@code v} of the row by {@code exp(v - max)}; returns their sum. */
    public static double exponentiate(float[] values, int from, int count, float max) {
        double sum = 0;
        for (int i = from, end = from + count; i < end; i++) {
            float e = (float) Math.exp(values[i] - max);
            values[i] = e;
            sum += e;
        }
        return sum;
    }

    /** {@code log(sum_i exp(v_i))} over the row, shifted by its maximum and summed in float64; the row is unchanged. */
    public static double logSumExp(float[] values, int from, int count) {
        float max = max(values, from, count);
        double sum = 0;
        for (int i = from, end = from + count; i < end; i++) {
            sum += Math.exp(values[i] - max);
        }
        return max + Math.log(sum);
    }
}
