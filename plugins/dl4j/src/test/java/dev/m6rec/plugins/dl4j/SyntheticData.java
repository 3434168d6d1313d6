package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generated interactions with structure a model can learn: users belong to taste groups, items
 * to genres; a user mostly picks popular items of the genre its group prefers, and rates those
 * higher. Group and genre are visible as one-hot features (plus noise columns). Each user's
 * interactions are split at random into train / valid / test (about 80 / 10 / 10).
 */
public final class SyntheticData {
    public final int numUsers;
    public final int numItems;
    public final int groups;
    public final int[] userGroup;
    public final int[] itemGenre;
    public final DataSplit split;
    public final ModelInputs inputs;

    public SyntheticData(int numUsers, int numItems, int groups, int perUser, long seed) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.groups = groups;
        SplittableRandom rng = new SplittableRandom(seed);
        userGroup = new int[numUsers];
        itemGenre = new int[numItems];
        double[] popularity = new double[numItems];
        for (int u = 0; u < numUsers; u++) {
            userGroup[u] = rng.nextInt(groups);
        }
        for (int i = 0; i < numItems; i++) {
            itemGenre[i] = rng.nextInt(groups);
            popularity[i] = Math.exp(1.2 * gaussian(rng));
        }
        Interactions.Builder train = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder valid = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder test = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder all = Interactions.builder(numUsers, numItems, true, true);
        long time = 0;
        for (int u = 0; u < numUsers; u++) {
            int preferred = (userGroup[u] * 7 + 3) % groups;
            double[] weight = new double[numItems];
            for (int i = 0; i < numItems; i++) {
                weight[i] = popularity[i] * (itemGenre[i] == preferred ? 12 : 1);
            }
            int count = perUser / 2 + rng.nextInt(perUser);
            for (int n = 0; n < count; n++) {
                int item = draw(weight, rng);
                weight[item] = 0;
                boolean liked = itemGenre[item] == preferred;
                float rating = (float) Math.max(1, Math.min(5, Math.round((liked ? 4.2 : 2.4) + 0.6 * gaussian(rng))));
                double cut = rng.nextDouble();
                Interactions.Builder part = cut < 0.8 ? train : cut < 0.9 ? valid : test;
                part.add(u, item, rating, time);
                all.add(u, item, rating, time);
                time++;
            }
        }
        Dataset dataset = new Dataset("synthetic", IdIndex.range("u", numUsers), IdIndex.range("i", numItems),
                all.build(), AttributeTable.empty(numUsers), AttributeTable.empty(numItems), Map.of());
        split = new DataSplit(dataset, train.build(), valid.build(), test.build());
        inputs = new ModelInputs(numUsers, numItems, userFeatures(rng), itemFeatures(rng), Optional.empty());
    }

    /** Group one-hot plus two noise columns. */
    private FeatureMatrix userFeatures(SplittableRandom rng) {
        return oneHot(numUsers, userGroup, "group", 2, rng);
    }

    /** Genre one-hot plus one noise column. */
    private FeatureMatrix itemFeatures(SplittableRandom rng) {
        return oneHot(numItems, itemGenre, "genre", 1, rng);
    }

    private FeatureMatrix oneHot(int rows, int[] values, String name, int noise, SplittableRandom rng) {
        List<String> columns = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            columns.add(name + "=" + g);
        }
        for (int n = 0; n < noise; n++) {
            columns.add("noise" + n);
        }
        int width = columns.size();
        float[] data = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            data[r * width + values[r]] = 1f;
            for (int n = 0; n < noise; n++) {
                data[r * width + groups + n] = (float) gaussian(rng);
            }
        }
        return new FeatureMatrix(rows, columns, data);
    }

    /** The encoded feature vector a new user of {@code group} would have (noise columns 0). */
    public float[] userFeaturesOfGroup(int group) {
        float[] v = new float[inputs.userFeatures().columns()];
        v[group] = 1f;
        return v;
    }

    /** The genre group {@code group}'s users prefer. */
    public int preferredGenre(int group) {
        return (group * 7 + 3) % groups;
    }

    /** An index drawn with probability proportional to its weight (zero weights never). */
    public static int draw(double[] weight, SplittableRandom rng) {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x <= 0 && weight[i] > 0) {
                return i;
            }
        }
        for (int i = weight.length - 1; i >= 0; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no item left");
    }

    public static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
