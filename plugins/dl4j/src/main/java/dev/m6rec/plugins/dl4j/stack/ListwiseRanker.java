package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.plugins.dl4j.train.SoftmaxRow;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The ranker: input standardisation, ReLU hidden layers and one output per candidate, added to
 * the first base model's standardised score (a residual: the untrained ranker keeps that model's
 * order, and training learns corrections to it), trained with a listwise softmax cross-entropy over each user's candidates (the held-out items
 * share the target mass). Listwise, because only the order within one user's list matters.
 * Candidate blocks are a few hundred rows by a few dozen columns, so plain loops over float
 * arrays beat the per-call cost of native GEMMs here.
 */
final class ListwiseRanker {
    private final int[] widths;
    private final float[] mean;
    private final float[] scale;
    private final float[][] weights;
    private final float[][] biases;

    private ListwiseRanker(int[] widths, float[] mean, float[] scale, float[][] weights, float[][] biases) {
        this.widths = widths;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.biases = biases;
    }

    /** He-initialised layers {@code input -> hidden... -> 1}, standardising inputs by {@code mean}/{@code scale}. */
    static ListwiseRanker initial(int input, int[] hidden, float[] mean, float[] scale, RandomGenerator random) {
        int[] widths = widths(input, hidden);
        float[][] weights = new float[widths.length - 1][];
        float[][] biases = new float[widths.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[widths[l] * widths[l + 1]];
            biases[l] = new float[widths[l + 1]];
            // The last layer starts at 0, so the untrained ranker is exactly the first base model's order.
            double std = l == weights.length - 1 ? 0 : Math.sqrt(2.0 / widths[l]);
            for (int k = 0; k < weights[l].length; k++) {
                weights[l][k] = (float) (random.nextGaussian() * std);
            }
        }
        return new ListwiseRanker(widths, mean.clone(), scale.clone(), weights, biases);
    }

    int inputWidth() {
        return widths[0];
    }

    float[][] weights() {
        return weights;
    }

    float[][] biases() {
        return biases;
    }

    ListwiseRanker copy() {
        float[][] w = new float[weights.length][];
        float[][] b = new float[biases.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = weights[l].clone();
            b[l] = biases[l].clone();
        }
        return new ListwiseRanker(widths, mean, scale, w, b);
    }

    /** Scores {@code count} rows. */
    float[] score(float[] rows, int count) {
        return forward(rows, count)[weights.length];
    }

    /**
     * Adds the gradient of the listwise loss of one candidate list to {@code weightGrads} and
     * {@code biasGrads}; returns the loss. {@code target} sums to 1 over the relevant candidates.
     */
    double accumulate(float[] rows, int count, float[] target, float[][] weightGrads, float[][] biasGrads) {
        float[][] activations = forward(rows, count);
        float[] scores = activations[weights.length];
        double logSum = SoftmaxRow.logSumExp(scores, 0, scores.length);
        double loss = 0;
        float[] delta = new float[count];
        for (int k = 0; k < count; k++) {
            double p = Math.exp(scores[k] - logSum);
            if (target[k] > 0) {
                loss -= target[k] * (scores[k] - logSum);
            }
            delta[k] = (float) (p - target[k]);
        }
        for (int l = weights.length - 1; l >= 0; l--) {
            int in = widths[l];
            int out = widths[l + 1];
            float[] x = activations[l];
            float[] w = weights[l];
            float[] gw = weightGrads[l];
            float[] gb = biasGrads[l];
            float[] previous = l == 0 ? null : new float[count * in];
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < out; j++) {
                    float d = delta[r * out + j];
                    if (d == 0) {
                        continue;
                    }
                    gb[j] += d;
                    for (int i = 0; i < in; i++) {
                        gw[i * out + j] += x[r * in + i] * d;
                        if (previous != null) {
                            previous[r * in + i] += w[i * out + j] * d;
                        }
                    }
                }
            }
            if (previous != null) {
                for (int k = 0; k < previous.length; k++) {
                    if (x[k] <= 0) {
                        previous[k] = 0;
                    }
                }
                delta = previous;
            }
        }
        return loss;
    }

    /** Activations per layer: [0] the standardised input, then each layer's output (ReLU but the last). */
    private float[][] forward(float[] rows, int count) {
        int input = widths[0];
        float[][] activations = new float[widths.length][];
        float[] x = new float[count * input];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < input; i++) {
                x[r * input + i] = (rows[r * input + i] - mean[i]) * scale[i];
            }
        }
        activations[0] = x;
        float[] base = new float[count];
        for (int r = 0; r < count; r++) {
            base[r] = rows[r * input];
        }
        for (int l = 0; l < weights.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            float[] w = weights[l];
            float[] y = new float[count * out];
            for (int r = 0; r < count; r++) {
                System.arraycopy(biases[l], 0, y, r * out, out);
                for (int i = 0; i < in; i++) {
                    float xi = x[r * in + i];
                    if (xi == 0) {
                        continue;
                    }
                    for (int j = 0; j < out; j++) {
                        y[r * out + j] += xi * w[i * out + j];
                    }
                }
            }
            if (l < weights.length - 1) {
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.max(0, y[k]);
                }
            } else {
                // The residual: the network corrects the first base model's (standardised) order.
                for (int r = 0; r < count; r++) {
                    y[r] += base[r];
                }
            }
            activations[l + 1] = y;
            x = y;
        }
        return activations;
    }

    void save(ArtifactWriter out) {
        out.writeInts("ranker-widths.i32", widths);
        out.writeFloats("ranker-mean.f32", mean);
        out.writeFloats("ranker-scale.f32", scale);
        for (int l = 0; l < weights.length; l++) {
            out.writeFloats("ranker-w" + l + ".f32", weights[l]);
            out.writeFloats("ranker-b" + l + ".f32", biases[l]);
        }
    }

    /** Reads a ranker, refusing one whose layer widths differ from {@code expected}. */
    static ListwiseRanker load(ArtifactReader in, int[] expected) {
        int[] widths = in.readInts("ranker-widths.i32");
        if (!Arrays.equals(widths, expected)) {
            throw new ArtifactException(in.location() + "/ranker-widths.i32: layers " + Arrays.toString(widths)
                    + " do not match the configured " + Arrays.toString(expected));
        }
        float[] mean = checked(in, "ranker-mean.f32", widths[0]);
        float[] scale = checked(in, "ranker-scale.f32", widths[0]);
        float[][] weights = new float[widths.length - 1][];
        float[][] biases = new float[widths.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = checked(in, "ranker-w" + l + ".f32", widths[l] * widths[l + 1]);
            biases[l] = checked(in, "ranker-b" + l + ".f32", widths[l + 1]);
        }
        return new ListwiseRanker(widths, mean, scale, weights, biases);
    }

    /** The layer widths a ranker of this shape has. */
    static int[] widths(int input, int[] hidden) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = input;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        return widths;
    }

    private static float[] checked(ArtifactReader in, String name, int length) {
        float[] values = in.readFiniteFloats(name);
        if (values.length != length) {
            throw new ArtifactException(in.location() + "/" + name + ": " + values.length + " values, expected " + length);
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new ArtifactException(in.location() + "/" + name + ": holds a non-finite value");
            }
        }
        return values;
    }
}
