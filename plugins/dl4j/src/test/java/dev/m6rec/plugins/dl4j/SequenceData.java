package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;
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
}
