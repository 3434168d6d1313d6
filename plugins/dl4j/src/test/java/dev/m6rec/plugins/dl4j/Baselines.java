package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.CountsModel;
import dev.m6rec.plugins.dl4j.train.SeenItems;
import java.util.SplittableRandom;

/** Reference models for quality bars in tests: most-popular and BPR matrix factorisation. */
public final class Baselines {
    private Baselines() {
    }

    /** Scores every item by its training count, and saves them (a base model for the stack's tests too). */
    public static InterestModel popularity() {
        return new CountsModel();
    }

    /** BPR-MF (Rendle et al.) with SGD, item biases and L2, as the baselines plugin's {@code bpr}. */
    public static InterestModel bpr(int factors, int epochs, float learningRate, float regularization, long seed) {
        return new Reference() {
            private float[] userFactors;
            private float[] itemFactors;
            private float[] itemBias;

            @Override
            public void fit(TrainingData data) {
                Interactions train = data.train();
                SplittableRandom rng = new SplittableRandom(seed);
                userFactors = new float[train.numUsers() * factors];
                itemFactors = new float[train.numItems() * factors];
                itemBias = new float[train.numItems()];
                for (int k = 0; k < userFactors.length; k++) {
                    userFactors[k] = (float) (0.1 * SyntheticData.gaussian(rng));
                }
                for (int k = 0; k < itemFactors.length; k++) {
                    itemFactors[k] = (float) (0.1 * SyntheticData.gaussian(rng));
                }
                SeenItems seen = SeenItems.of(train);
                java.util.random.RandomGenerator draws = new SplittableRandom(seed + 1);
                for (int epoch = 0; epoch < epochs; epoch++) {
                    for (int step = 0; step < train.size(); step++) {
                        int row = rng.nextInt(train.size());
                        int u = train.user(row);
                        int i = train.item(row);
                        int j = seen.sampleUnseen(u, draws);
                        double x = itemBias[i] - itemBias[j];
                        for (int f = 0; f < factors; f++) {
                            x += userFactors[u * factors + f] * (itemFactors[i * factors + f] - itemFactors[j * factors + f]);
                        }
                        float g = (float) (1 / (1 + Math.exp(x)));
                        itemBias[i] += learningRate * (g - regularization * itemBias[i]);
                        itemBias[j] += learningRate * (-g - regularization * itemBias[j]);
                        for (int f = 0; f < factors; f++) {
                            float pu = userFactors[u * factors + f];
                            float qi = itemFactors[i * factors + f];
                            float qj = itemFactors[j * factors + f];
                            userFactors[u * factors + f] += learningRate * (g * (qi - qj) - regularization * pu);
                            itemFactors[i * factors + f] += learningRate * (g * pu - regularization * qi);
                            itemFactors[j * factors + f] += learningRate * (-g * pu - regularization * qj);
                        }
                    }
                }
            }

            @Override
            public void score(UserProfile user, int[] items, float[] out) {
                for (int k = 0; k < items.length; k++) {
                    double s = itemBias[items[k]];
                    for (int f = 0; f < factors; f++) {
                        s += userFactors[user.index() * factors + f] * itemFactors[items[k] * factors + f];
                    }
                    out[k] = (float) s;
                }
            }
        };
    }

    private abstract static class Reference implements InterestModel {
        @Override
        public void save(ArtifactWriter out) {
            throw new UnsupportedOperationException("reference model");
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
            throw new UnsupportedOperationException("reference model");
        }
    }
}
