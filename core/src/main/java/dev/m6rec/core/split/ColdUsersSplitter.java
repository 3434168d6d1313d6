package dev.m6rec.core.split;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.random.RandomGenerator;

/**
 * Holds out whole users (see {@link ColdUsersSplitterFactory}): a seeded draw of the users with
 * interactions, the first {@code testUsers} of it for test and the next {@code validUsers} for
 * validation. A test user's first {@code reveal} interactions (oldest first, file order when
 * untimed) go to valid, the rest to test; every interaction of a validation user goes to valid;
 * everyone else's to train.
 */
final class ColdUsersSplitter implements DatasetSplitter {
    private final double share;
    private final double validShare;
    private final int reveal;
    private final RandomGenerator random;

    ColdUsersSplitter(double share, double validShare, int reveal, RandomGenerator random) {
        this.share = share;
        this.validShare = validShare;
        this.reveal = reveal;
        this.random = random;
    }

    @Override
    public DataSplit split(Dataset dataset) {
        SparseRows byUser = dataset.interactions().byUser();
        int[] users = byUser.nonEmptyRows();
        int n = users.length;
        // Rounded shares, but one user for test when the share is positive and one left to train.
        int testUsers = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(share * n)));
        int validUsers = Math.max(0, Math.min(n - 1 - testUsers, (int) Math.round(validShare * n)));
        for (int i = 0; i < testUsers + validUsers; i++) {
            int j = i + random.nextInt(n - i);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
        }
        byte[] part = new byte[dataset.interactions().size()];
        for (int i = 0; i < testUsers + validUsers; i++) {
            int u = users[i];
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                boolean revealed = i >= testUsers || k - byUser.start(u) < reveal;
                part[byUser.source(k)] = (byte) (revealed ? 1 : 2);
            }
        }
        return SplitOrder.partition(dataset, part);
    }
}
