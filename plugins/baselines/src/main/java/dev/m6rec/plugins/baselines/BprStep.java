package dev.m6rec.plugins.baselines;

/**
 * One BPR stochastic-gradient step on a triple (user, positive item, negative item), in place on
 * the factor arrays: ascend {@code ln sigmoid(x_ui - x_uj)} with an L2 penalty on the touched
 * parameters. The item updates use the user's vector from before the step.
 */
final class BprStep {
    private final int factors;
    private final float learningRate;
    private final float regularization;
    private final boolean itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] bias;

    BprStep(int factors, float learningRate, float regularization, boolean itemBias, float[] userFactors,
            float[] itemFactors, float[] bias) {
        this.factors = factors;
        this.learningRate = learningRate;
        this.regularization = regularization;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.bias = bias;
    }

    /** Applies the step and returns the triple's loss {@code -ln sigmoid(x_ui - x_uj)} before it. */
    double apply(int user, int positive, int negative) {
        int uo = user * factors;
        int io = positive * factors;
        int jo = negative * factors;
        float x = bias[positive] - bias[negative];
        for (int d = 0; d < factors; d++) {
            x += userFactors[uo + d] * (itemFactors[io + d] - itemFactors[jo + d]);
        }
        // d/dx ln sigmoid(x) = sigmoid(-x)
        float g = (float) (1.0 / (1.0 + Math.exp(x)));
        float lr = learningRate;
        float reg = regularization;
        for (int d = 0; d < factors; d++) {
            float pu = userFactors[uo + d];
            float qi = itemFactors[io + d];
            float qj = itemFactors[jo + d];
            userFactors[uo + d] = pu + lr * (g * (qi - qj) - reg * pu);
            itemFactors[io + d] = qi + lr * (g * pu - reg * qi);
            itemFactors[jo + d] = qj + lr * (-g * pu - reg * qj);
        }
        if (itemBias) {
            bias[positive] += lr * (g - reg * bias[positive]);
            bias[negative] += lr * (-g - reg * bias[negative]);
        }
        return x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
    }
}
