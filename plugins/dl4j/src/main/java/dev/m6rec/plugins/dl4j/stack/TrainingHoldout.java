package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The training interactions cut in two per user: the base models fit on {@code kept}, and the
 * ranker learns to find {@code heldOut} among their candidates. Out-of-sample labels keep the
 * ranker from learning to trust a base model's fit to its own training rows.
 *
 * @param kept    what the base models see in the ranker's training stage
 * @param heldOut the ranker's positives; users with a single interaction keep it and hold none out
 */
record TrainingHoldout(Interactions kept, Interactions heldOut) {

    static TrainingHoldout of(Interactions train, double share, RandomGenerator random) {
        SparseRows byUser = train.byUser();
        boolean[] held = new boolean[train.size()];
        int heldCount = 0;
        for (int user = 0; user < byUser.rows(); user++) {
            int n = byUser.length(user);
            int take = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(share * n)));
            int[] rows = new int[n];
            for (int k = 0; k < n; k++) {
                rows[k] = byUser.source(byUser.start(user) + k);
            }
            // Partial Fisher-Yates: the first `take` positions are a uniform sample.
            for (int k = 0; k < take; k++) {
                int j = k + random.nextInt(n - k);
                int swap = rows[k];
                rows[k] = rows[j];
                rows[j] = swap;
                held[rows[k]] = true;
            }
            heldCount += take;
        }
        int[] keptRows = new int[train.size() - heldCount];
        int[] heldRows = new int[heldCount];
        int kk = 0;
        int hh = 0;
        for (int row = 0; row < held.length; row++) {
            if (held[row]) {
                heldRows[hh++] = row;
            } else {
                keptRows[kk++] = row;
            }
        }
        return new TrainingHoldout(train.select(keptRows), train.select(Arrays.copyOf(heldRows, hh)));
    }
}
