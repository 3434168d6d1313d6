package dev.m6rec.core.split;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.random.RandomGenerator;

/**
 * Cuts interactions into train/valid/test shares, per user (each user's interactions are cut, so
 * every user with enough history appears in all three) or over the whole log. With
 * {@code byTime}, older interactions go to train and newer to test; otherwise a seeded shuffle.
 * Per user, the counts are rounded so a user with at least 2 interactions keeps one for training
 * and one for test ({@link RatioCounts}).
 */
final class RatioSplitter implements DatasetSplitter {
    private final double train;
    private final double valid;
    private final boolean byTime;
    private final boolean perUser;
    private final RandomGenerator random;

    RatioSplitter(double train, double valid, boolean byTime, boolean perUser, RandomGenerator random) {
        this.train = train;
        this.valid = valid;
        this.byTime = byTime;
        this.perUser = perUser;
        this.random = random;
    }

    @Override
    public DataSplit split(Dataset dataset) {
        Interactions all = dataset.interactions();
        byte[] part = new byte[all.size()];
        if (perUser) {
            SparseRows byUser = all.byUser();
            int[] rows = new int[64];
            for (int u = 0; u < byUser.rows(); u++) {
                rows = UserRows.gather(byUser, u, rows);
                assign(rows, byUser.length(u), part);
            }
        } else {
            int[] rows = all.rowsByTime();
            assign(rows, rows.length, part);
        }
        return SplitOrder.partition(dataset, part);
    }

    /** Assigns rows[0..n), which arrive oldest first, to parts (shuffled first unless by time). */
    private void assign(int[] rows, int n, byte[] part) {
        if (!byTime) {
            for (int k = n - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = rows[k];
                rows[k] = rows[j];
                rows[j] = t;
            }
        }
        RatioCounts counts = RatioCounts.of(n, train, valid);
        for (int k = 0; k < n; k++) {
            part[rows[k]] = counts.part(k);
        }
    }
}
