package dev.m6rec.plugins.dl4j;

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
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generated sessions with a planted sequential pattern: items form chains, and a user's next
 * item is the successor of the previous one (with probability {@code follow}; otherwise a random
 * unseen item, from which the walk continues). Every item is about equally popular, so only the
 * order tells what comes next. Each user's last item is the test target, the one before it the
 * validation target, the rest training history.
 */
public final class SequenceData {
    public final int numUsers;
    public final int numItems;
    public final int chainLength;
    public final DataSplit split;
    public final ModelInputs inputs;

    public SequenceData(int numUsers, int chains, int chainLength, int steps, double follow, long seed) {
        this.numUsers = numUsers;
        this.numItems = chains * chainLength;
        this.chainLength = chainLength;
        SplittableRandom rng = new SplittableRandom(seed);
        Interactions.Builder train = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder valid = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder test = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder all = Interactions.builder(numUsers, numItems, false, true);
        long time = 0;
        for (int u = 0; u < numUsers; u++) {
            boolean[] taken = new boolean[numItems];
            int item = rng.nextInt(numItems);
            for (int s = 0; s < steps; s++) {
                if (s > 0) {
                    int next = successor(item);
                    if (taken[next] || rng.nextDouble() >= follow) {
                        do {
                            next = rng.nextInt(numItems);
                        } while (taken[next]);
                    }
                    item = next;
                }
                taken[item] = true;
                Interactions.Builder part = s == steps - 1 ? test : s == steps - 2 ? valid : train;
                part.add(u, item, 1f, time);
                all.add(u, item, 1f, time);
                time++;
            }
        }
        Dataset dataset = new Dataset("sequences", IdIndex.range("u", numUsers), IdIndex.range("i", numItems),
                all.build(), AttributeTable.empty(numUsers), AttributeTable.empty(numItems), Map.of());
        split = new DataSplit(dataset, train.build(), valid.build(), test.build());
        inputs = new ModelInputs(numUsers, numItems, FeatureMatrix.empty(numUsers), FeatureMatrix.empty(numItems),
                Optional.empty());
    }

    public int successor(int item) {
        int chain = item / chainLength;
        return chain * chainLength + (item % chainLength + 1) % chainLength;
    }

    /**
     * {@code history} followed by two chained items that are new to it, whose successor (the item
     * a sequence model should now put near the top) is new to it as well; returns that successor
     * in {@code expected[0]}.
     */
    public int[] withTwoChainedEvents(int[] history, int[] expected) {
        boolean[] known = new boolean[numItems];
        for (int h : history) {
            known[h] = true;
        }
        int item = 0;
        while (known[item] || known[successor(item)] || known[successor(successor(item))]) {
            item++;
        }
        int[] extended = java.util.Arrays.copyOf(history, history.length + 2);
        extended[history.length] = item;
        extended[history.length + 1] = successor(item);
        expected[0] = successor(successor(item));
        return extended;
    }

    /** The training split, with validation NDCG@10 on the validation targets. */
    public TrainingData training() {
        return new TrainingData(split, inputs,
                RankingEvaluation.validation(split.train(), split.valid(), inputs.userFeatures()));
    }

    /** Test NDCG@10 with the training and validation items as the history. */
    public double testNdcg(InterestModel model) {
        Interactions seen = RankingEvaluation.union(split.train(), split.valid());
        return RankingEvaluation.ndcgAt10(model, seen, split.test(), inputs.userFeatures());
    }

    /** A user's profile at test time: training and validation items, oldest first. */
    public UserProfile profile(int user) {
        return RankingEvaluation.profile(user, RankingEvaluation.union(split.train(), split.valid()),
                inputs.userFeatures());
    }

    /** The model's top {@code k} items for {@code user} with {@code history}, the history left out. */
    public int[] topUnseen(InterestModel model, int user, int[] history, int k) {
        float[] scores = new float[numItems];
        model.scoreAll(UserProfile.of(user, history, null, new float[0]), scores);
        boolean[] seen = new boolean[numItems];
        for (int h : history) {
            seen[h] = true;
        }
        return dev.m6rec.api.data.ScoredItems.topK(scores, k, seen).items();
    }
}
