package dev.m6rec.core.split;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.random.RandomGenerator;

/**
 * Holds out one interaction per user for test and, optionally, one for validation: the latest
 * ones (sequential recommendation protocol) or seeded random ones. A user keeps at least one
 * training interaction: users with one interaction stay in train only, users with two give
 * none to validation.
 */
final class LeaveOneOutSplitter implements DatasetSplitter {
    private final boolean random;
    private final boolean withValid;
    private final RandomGenerator rng;

    LeaveOneOutSplitter(boolean random, boolean withValid, RandomGenerator rng) {
        this.random = random;
        this.withValid = withValid;
        this.rng = rng;
    }

    @Override
    public DataSplit split(Dataset dataset) {
        SparseRows byUser = dataset.interactions().byUser();
        byte[] part = new byte[dataset.interactions().size()];
        int[] rows = new int[64];
        for (int u = 0; u < byUser.rows(); u++) {
            int n = byUser.length(u);
            if (n < 2) {
                continue;
            }
            rows = UserRows.gather(byUser, u, rows);
            if (random) {
                // Move two seeded random picks to the end; the rest stays in time order.
                for (int k = n - 1; k >= Math.max(1, n - 2); k--) {
                    int j = rng.nextInt(k + 1);
                    int t = rows[k];
                    rows[k] = rows[j];
                    rows[j] = t;
                }
            }
            part[rows[n - 1]] = 2;
            if (withValid && n >= 3) {
                part[rows[n - 2]] = 1;
            }
        }
        return SplitOrder.partition(dataset, part);
    }
}
