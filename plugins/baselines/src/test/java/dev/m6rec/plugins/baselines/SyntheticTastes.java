package dev.m6rec.plugins.baselines;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded synthetic dataset with taste groups: users belong to one of {@code groups} groups,
 * items to one of as many genres; a user draws most items from its group's genre and the rest
 * from all items, both skewed towards popular (low-rank) items. The last {@code heldOut}
 * interactions of each user (by timestamp) are the test split.
 */
final class SyntheticTastes {
    /** A validation scorer for runs without a validation split. */
    static final ValidationScorer NO_VALIDATION = ValidationScorer.none("ndcg@10");

    final int numUsers;
    final int numItems;
    final int groups;
    final DataSplit split;

    private SyntheticTastes(int numUsers, int numItems, int groups, DataSplit split) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.groups = groups;
        this.split = split;
    }

    static SyntheticTastes generate(long seed) {
        return generate(seed, 240, 90, 3, 20, 3, 0.8);
    }

    static SyntheticTastes generate(long seed, int numUsers, int numItems, int groups, int perUser, int heldOut,
                                    double inGenre) {
        SplittableRandom rng = new SplittableRandom(seed);
        int perGenre = numItems / groups;
        double[] genreWeights = new double[perGenre];
        for (int r = 0; r < perGenre; r++) {
            genreWeights[r] = 1.0 / Math.pow(r + 1, 0.8);
        }
        double[] globalWeights = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            globalWeights[i] = 1.0 / Math.pow((i % perGenre) * groups + i / perGenre + 1, 0.9);
        }
        Interactions.Builder train = Interactions.builder(numUsers, numItems, true, true);
        Interactions.Builder test = Interactions.builder(numUsers, numItems, true, true);
        long time = 1_000_000L;
        for (int u = 0; u < numUsers; u++) {
            int group = u % groups;
            boolean[] taken = new boolean[numItems];
            for (int n = 0; n < perUser; n++) {
                int item;
                do {
                    item = rng.nextDouble() < inGenre
                            ? group * perGenre + draw(genreWeights, rng)
                            : draw(globalWeights, rng);
                } while (taken[item]);
                taken[item] = true;
                float rating = 1 + rng.nextInt(5);
                (n < perUser - heldOut ? train : test).add(u, item, rating, time);
                time += 60;
            }
        }
        Interactions trainRows = train.build();
        Interactions testRows = test.build();
        Interactions all = concat(trainRows, testRows);
        Dataset dataset = new Dataset("synthetic-tastes", IdIndex.range("u", numUsers), IdIndex.range("i", numItems),
                all, AttributeTable.empty(numUsers), AttributeTable.empty(numItems), Map.of());
        return new SyntheticTastes(numUsers, numItems, groups, new DataSplit(dataset, trainRows, trainRows.empty(),
                testRows));
    }

    /** The same data with every training interaction of {@code user} moved out of the training split. */
    SyntheticTastes withoutTrainingOf(int user) {
        Interactions train = split.train();
        int[] keep = IntStream.range(0, train.size()).filter(row -> train.user(row) != user).toArray();
        return new SyntheticTastes(numUsers, numItems, groups,
                new DataSplit(split.dataset(), train.select(keep), split.valid(), split.test()));
    }

    int genreOf(int item) {
        return item / (numItems / groups);
    }

    int groupOf(int user) {
        return user % groups;
    }

    TrainingData trainingData(Optional<SimilarityModel> similarity) {
        ModelInputs inputs = new ModelInputs(numUsers, numItems, FeatureMatrix.empty(numUsers),
                FeatureMatrix.empty(numItems), similarity);
        return new TrainingData(split, inputs, NO_VALIDATION);
    }

    ModelInputs inputs(Optional<SimilarityModel> similarity) {
        return trainingData(similarity).inputs();
    }

    /** The user's training items oldest first, with ratings, as the pipeline would pass them. */
    UserProfile profile(int user) {
        Interactions train = split.train();
        var rows = train.byUser();
        int[] history = new int[rows.length(user)];
        float[] ratings = new float[history.length];
        for (int k = rows.start(user); k < rows.end(user); k++) {
            history[k - rows.start(user)] = rows.column(k);
            ratings[k - rows.start(user)] = train.rating(rows.source(k));
        }
        return UserProfile.of(user, history, ratings, new float[0]);
    }

    private static Interactions concat(Interactions a, Interactions b) {
        Interactions.Builder all = Interactions.builder(a.numUsers(), a.numItems(), true, true);
        for (Interactions part : new Interactions[] {a, b}) {
            for (int row = 0; row < part.size(); row++) {
                all.add(part.user(row), part.item(row), part.rating(row), part.timestamp(row));
            }
        }
        return all.build();
    }

    private static int draw(double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
