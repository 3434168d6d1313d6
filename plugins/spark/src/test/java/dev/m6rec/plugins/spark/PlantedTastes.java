package dev.m6rec.plugins.spark;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.interest.ValidationScorer;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded fixture with planted structure: user {@code u} belongs to group {@code u % groups}, and
 * draws 90% of its items from its group's block of items; users rate in-group items 4-5 and others
 * 1-2. The last two interactions of each user are the test split.
 */
final class PlantedTastes {
    static final int USERS = 150;
    static final int ITEMS = 60;
    static final int GROUPS = 3;
    private static final int PER_USER = 12;
    private static final int HELD_OUT = 2;
    final DataSplit split;

    private PlantedTastes(DataSplit split) {
        this.split = split;
    }

    static PlantedTastes generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int block = ITEMS / GROUPS;
        Interactions.Builder train = Interactions.builder(USERS, ITEMS, true, true);
        Interactions.Builder test = Interactions.builder(USERS, ITEMS, true, true);
        long time = 0;
        for (int u = 0; u < USERS; u++) {
            boolean[] taken = new boolean[ITEMS];
            for (int n = 0; n < PER_USER; n++) {
                int item;
                do {
                    item = rng.nextDouble() < 0.9 ? groupOf(u) * block + rng.nextInt(block) : rng.nextInt(ITEMS);
                } while (taken[item]);
                taken[item] = true;
                float rating = item / block == groupOf(u) ? 4 + rng.nextInt(2) : 1 + rng.nextInt(2);
                (n < PER_USER - HELD_OUT ? train : test).add(u, item, rating, time++);
            }
        }
        Interactions trainRows = train.build();
        Interactions testRows = test.build();
        Dataset dataset = new Dataset("planted", IdIndex.range("u", USERS), IdIndex.range("i", ITEMS),
                Interactions.concat(trainRows, testRows), AttributeTable.empty(USERS), AttributeTable.empty(ITEMS),
                Map.of());
        return new PlantedTastes(new DataSplit(dataset, trainRows, trainRows.empty(), testRows));
    }

    static int groupOf(int user) {
        return user % GROUPS;
    }

    static int groupOfItem(int item) {
        return item / (ITEMS / GROUPS);
    }

    ModelInputs inputs() {
        return new ModelInputs(USERS, ITEMS, FeatureMatrix.empty(USERS), FeatureMatrix.empty(ITEMS), Optional.empty());
    }

    TrainingData trainingData() {
        return new TrainingData(split, inputs(), ValidationScorer.none("ndcg@10"));
    }

    /** The user's training items, oldest first, as the pipeline passes them. */
    UserProfile profile(int user) {
        Interactions train = split.train();
        return UserProfile.of(user, java.util.stream.IntStream.range(0, train.size())
                .filter(row -> train.user(row) == user).map(train::item).toArray(), null, new float[0]);
    }

    /** Share of test interactions found in the user's top 10 unseen items. */
    double hitRateAt10(InterestModel model) {
        Interactions test = split.test();
        int hits = 0;
        for (int row = 0; row < test.size(); row++) {
            UserProfile profile = profile(test.user(row));
            float[] scores = new float[ITEMS];
            model.scoreAll(profile, scores);
            for (int seen : profile.history()) {
                scores[seen] = Float.NEGATIVE_INFINITY;
            }
            int better = 0;
            for (float s : scores) {
                better += s > scores[test.item(row)] ? 1 : 0;
            }
            hits += better < 10 ? 1 : 0;
        }
        return (double) hits / test.size();
    }
}
