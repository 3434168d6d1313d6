package dev.m6rec.plugins.dl4j.mlp;

import org.nd4j.linalg.activations.Activation;

/**
 * The tower activations, as DL4J defines them, applied in place over float arrays for the fused
 * training step and the fused scorer. The constants are {@code activation:}'s choices, in
 * kebab-case ({@code leaky-relu}).
 */
public enum TowerActivation {
    RELU(Activation.RELU),
    /** DL4J's default slope of 0.01. */
    LEAKY_RELU(Activation.LEAKYRELU),
    /** With alpha 1, as DL4J. */
    ELU(Activation.ELU),
    TANH(Activation.TANH),
    SIGMOID(Activation.SIGMOID);

    private static final float LEAKY_SLOPE = 0.01f;
    private final Activation dl4j;

    TowerActivation(Activation dl4j) {
        this.dl4j = dl4j;
    }

    Activation dl4j() {
        return dl4j;
    }

    /** {@code post[i] = f(pre[i])} for {@code i < n}. */
    void apply(float[] pre, float[] post, int n) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    post[i] = Math.max(pre[i], 0f);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    post[i] = pre[i] > 0 ? pre[i] : LEAKY_SLOPE * pre[i];
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    post[i] = pre[i] > 0 ? pre[i] : (float) Math.expm1(pre[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    post[i] = (float) Math.tanh(pre[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    post[i] = sigmoid(pre[i]);
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** {@code grad[i] *= f'(pre[i])}, using the stored pre- and post-activations. */
    void backward(float[] grad, float[] pre, float[] post, int n) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = pre[i] > 0 ? grad[i] : 0f;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = pre[i] > 0 ? grad[i] : LEAKY_SLOPE * grad[i];
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = pre[i] > 0 ? grad[i] : grad[i] * (post[i] + 1f);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    grad[i] *= 1f - post[i] * post[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    grad[i] *= post[i] * (1f - post[i]);
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }
}
