package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.plugins.dl4j.CoOccurrenceSimilarity;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cold start in the shape MovieLens has it: a steep popularity curve that a new user mostly
 * follows, and attributes that tilt it. Each user belongs to a group (one-hot, beside a noise
 * column) whose favourite genre is {@code tilt} times as likely as its popularity says; items
 * carry their genre (one-hot). Whole users are held out as the {@code cold-users} split does it:
 * a fifth of the users for test and a tenth for validation (by index: users are drawn alike), all
 * of their interactions there; the others train. The run has a similarity model (co-occurrence counts), as the
 * MovieLens example has one, so the kNN input is on.
 */
final class ColdUserData {
    final int numUsers;
    final int numItems;
    final int[] userGroup;
    final DataSplit split;
    final ModelInputs inputs;
    /** The same inputs without user features: what {@code features.user: []} gives the model. */
    final ModelInputs inputsWithoutUserFeatures;

    ColdUserData(int numUsers, int numItems, int groups, int perUser, double tilt, long seed) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        SplittableRandom rng = new SplittableRandom(seed);
        userGroup = new int[numUsers];
        int[] itemGenre = new int[numItems];
        double[] popularity = new double[numItems];
        for (int u = 0; u < numUsers; u++) {
            userGroup[u] = rng.nextInt(groups);
        }
        for (int i = 0; i < numItems; i++) {
            itemGenre[i] = rng.nextInt(groups);
            popularity[i] = Math.exp(1.5 * SyntheticData.gaussian(rng));
        }
        Interactions.Builder train = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder valid = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder test = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder all = Interactions.builder(numUsers, numItems, true, true);
        long time = 0;
        for (int u = 0; u < numUsers; u++) {
            double[] weight = new double[numItems];
            for (int i = 0; i < numItems; i++) {
                weight[i] = popularity[i] * (itemGenre[i] == userGroup[u] ? tilt : 1);
            }
            Interactions.Builder part = u % 5 == 0 ? test : u % 10 == 1 ? valid : train;
            int count = perUser / 2 + rng.nextInt(perUser);
            for (int n = 0; n < count; n++) {
                int item = SyntheticData.draw(weight, rng);
                weight[item] = 0;
                float rating = (float) Math.max(1, Math.min(5, Math.round(3.5 + SyntheticData.gaussian(rng))));
                part.add(u, item, rating, time);
                all.add(u, item, rating, time);
                time++;
            }
        }
        Dataset dataset = new Dataset("cold-synthetic", IdIndex.range("u", numUsers), IdIndex.range("i", numItems),
                all.build(), AttributeTable.empty(numUsers), AttributeTable.empty(numItems), Map.of());
        split = new DataSplit(dataset, train.build(), valid.build(), test.build());
        FeatureMatrix userFeatures = oneHot(userGroup, groups, "group", rng);
        FeatureMatrix itemFeatures = oneHot(itemGenre, groups, "genre", null);
        CoOccurrenceSimilarity similarity = new CoOccurrenceSimilarity(split.train());
        inputs = new ModelInputs(numUsers, numItems, userFeatures, itemFeatures, Optional.of(similarity));
        inputsWithoutUserFeatures = new ModelInputs(numUsers, numItems, new FeatureMatrix(numUsers, List.of(),
                new float[0]), itemFeatures, Optional.of(similarity));
    }

    /** Training data for {@code inputs}, validated on the validation users as the pipeline would. */
    TrainingData training(ModelInputs inputs) {
        return new TrainingData(split, inputs,
                RankingEvaluation.validation(split.train(), split.valid(), inputs.userFeatures()));
    }

    /** NDCG@10 over the test users, each ranked from an empty history and its features in {@code inputs}. */
    double coldNdcg(dev.m6rec.api.interest.InterestModel model, ModelInputs inputs) {
        return RankingEvaluation.ndcgAt10(model, split.train(), split.test(), inputs.userFeatures());
    }

    /** One-hot columns of {@code values}, plus a Gaussian noise column when {@code rng} is given. */
    private static FeatureMatrix oneHot(int[] values, int groups, String name, SplittableRandom rng) {
        List<String> columns = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            columns.add(name + "=" + g);
        }
        if (rng != null) {
            columns.add("noise");
        }
        int width = columns.size();
        float[] data = new float[values.length * width];
        for (int r = 0; r < values.length; r++) {
            data[r * width + values[r]] = 1f;
            if (rng != null) {
                data[r * width + groups] = (float) SyntheticData.gaussian(rng);
            }
        }
        return new FeatureMatrix(values.length, columns, data);
    }
}
