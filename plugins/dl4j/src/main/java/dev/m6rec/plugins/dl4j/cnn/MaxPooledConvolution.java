package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.Gemm;
import java.util.Arrays;

/**
 * One convolution of {@link CaserKernel} followed by ReLU and a max over positions: a kernel
 * {@code width} positions wide spans all {@code channels} of a sequence ({@code [positions][channels]}
 * per row) and slides along it without padding, as DL4J's truncating convolutions do. Caser's
 * horizontal filters are this with the embedding columns as channels, the text encoder's 1-D
 * convolutions with the word-embedding columns as channels; {@link Layout} says how DL4J stores
 * each one's weights.
 *
 * <p>Internally a window is the {@code width x channels} values it covers, position-major, so
 * it is a contiguous slice of the input, and the weights are copied per step into
 * {@code [filters][window]} in that order (and their gradient back). Forward is im2col plus one
 * matrix product for the whole batch; backward is sparse, as the max routes each filter's
 * gradient to a single position: one pass over one window per (row, filter), not a full product.
 */
final class MaxPooledConvolution {
    /** How DL4J lays out the weights of a convolution, flattened row-major. */
    enum Layout {
        /** {@code ConvolutionLayer} with a kernel of (channels x width) over a 1-channel image: {@code [f][1][c][j]}. */
        FILTER_CHANNEL_POSITION,
        /**
         * {@code Convolution1DLayer}: its parameter is shaped {@code [f][c][j][1]}, but the op reads the
         * buffer as {@code [j][c][f]} (checked against DL4J's outputs in the tests).
         */
        POSITION_CHANNEL_FILTER
    }

    private final AdamParameter weight;
    private final AdamParameter bias;
    private final int channels;
    private final int positions;
    private final int outPositions;
    private final int filters;
    /** Values per window: width x channels, position-major. */
    private final int window;
    /** For each internal weight {@code [f][j * channels + c]}, its index in DL4J's array. */
    private final int[] dl4jIndex;
    private final float[] weights;
    private final float[] weightGrad;
    private final float[] columns;
    private final float[] preActivation;
    /** The position each (row, filter) took its max from, or -1 when the ReLU cut it to 0. */
    private final int[] argmax;

    MaxPooledConvolution(AdamParameter weight, AdamParameter bias, Layout layout, int channels, int width,
                         int positions, int filters, int maxRows) {
        this.weight = requireNonNull(weight, "weight is null");
        this.bias = requireNonNull(bias, "bias is null");
        this.channels = channels;
        this.positions = positions;
        this.outPositions = positions - width + 1;
        this.filters = filters;
        this.window = channels * width;
        if (outPositions < 1 || weight.values.length != filters * window || bias.values.length != filters) {
            throw new IllegalArgumentException("convolution of width " + width + " over " + positions + " positions, "
                    + filters + " filters of " + window + ": weights " + weight.values.length + ", biases "
                    + bias.values.length);
        }
        this.dl4jIndex = new int[filters * window];
        for (int f = 0; f < filters; f++) {
            for (int j = 0; j < width; j++) {
                for (int c = 0; c < channels; c++) {
                    dl4jIndex[f * window + j * channels + c] = layout == Layout.FILTER_CHANNEL_POSITION
                            ? f * window + c * width + j
                            : (j * channels + c) * filters + f;
                }
            }
        }
        this.weights = new float[filters * window];
        this.weightGrad = new float[filters * window];
        this.columns = new float[maxRows * outPositions * window];
        this.preActivation = new float[maxRows * outPositions * filters];
        this.argmax = new int[maxRows * filters];
    }

    /**
     * Pools rows {@code [0, n)} of {@code input} ({@code [n][positions][channels]}) into
     * {@code out[r * stride + offset + f]}.
     */
    void forward(int n, float[] input, float[] out, int stride, int offset) {
        float[] w = weight.values;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = w[dl4jIndex[k]];
        }
        int rowLength = positions * channels;
        for (int r = 0; r < n; r++) {
            for (int t = 0; t < outPositions; t++) {
                System.arraycopy(input, r * rowLength + t * channels, columns, (r * outPositions + t) * window, window);
            }
        }
        Gemm.multiply(n * outPositions, filters, window, columns, window, false, weights, window, true,
                preActivation, 0f);
        float[] b = bias.values;
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < filters; f++) {
                int at = r * outPositions * filters + f;
                float best = preActivation[at];
                int where = 0;
                for (int t = 1; t < outPositions; t++) {
                    float value = preActivation[at + t * filters];
                    if (value > best) {
                        best = value;
                        where = t;
                    }
                }
                float activated = best + b[f];
                boolean live = activated > 0;
                out[r * stride + offset + f] = live ? activated : 0f;
                argmax[r * filters + f] = live ? where : -1;
            }
        }
    }

    /**
     * From the gradient at the pooled outputs ({@code grad[r * stride + offset + f]}), accumulates
     * the weight and bias gradients and adds the gradient at the input into {@code inputGrad}.
     */
    void backward(int n, float[] grad, int stride, int offset, float[] inputGrad) {
        Arrays.fill(weightGrad, 0f);
        float[] bGrad = bias.gradient;
        int rowLength = positions * channels;
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < filters; f++) {
                int t = argmax[r * filters + f];
                float g = grad[r * stride + offset + f];
                if (t < 0 || g == 0f) {
                    continue;
                }
                bGrad[f] += g;
                int column = (r * outPositions + t) * window;
                int target = r * rowLength + t * channels;
                int w0 = f * window;
                for (int i = 0; i < window; i++) {
                    weightGrad[w0 + i] += g * columns[column + i];
                }
                for (int i = 0; i < window; i++) {
                    inputGrad[target + i] += g * weights[w0 + i];
                }
            }
        }
        float[] wGrad = weight.gradient;
        for (int k = 0; k < weightGrad.length; k++) {
            wGrad[dl4jIndex[k]] += weightGrad[k];
        }
    }
}
