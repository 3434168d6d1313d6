package dev.m6rec.core.split;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * k-fold cross-validation: interactions are shuffled with the seed and dealt round {@code folds}
 * folds (per user or over the whole log), so the folds partition the data and differ in size by at
 * most one interaction (per user with {@link FoldGrouping#USER}). Fold {@code f} is the test part of
 * the {@code f}-th split; of the other folds, a seeded {@code valid} share goes to validation and the
 * rest trains. {@link #split} alone gives the first fold's split, so the section also works where one
 * split is expected; {@code m6rec run} uses {@link #splits} and reports mean and sd over the folds.
 */
public final class KFoldSplitter implements DatasetSplitter {
    private final int folds;
    private final FoldGrouping by;
    private final double valid;
    private final RandomGenerator random;

    KFoldSplitter(int folds, FoldGrouping by, double valid, RandomGenerator random) {
        this.folds = folds;
        this.by = by;
        this.valid = valid;
        this.random = random;
    }

    public int folds() {
        return folds;
    }

    @Override
    public DataSplit split(Dataset dataset) {
        return splits(dataset).get(0);
    }

    /** One split per fold, fold {@code f} as the test part of the {@code f}-th; one shuffle for all of them. */
    public List<DataSplit> splits(Dataset dataset) {
        int[] foldOfRow = foldOfRow(dataset);
        // One validation draw per row, shared by the folds, so the same row is valid in every fold that trains on it.
        boolean[] validRow = new boolean[foldOfRow.length];
        for (int row = 0; row < validRow.length; row++) {
            validRow[row] = valid > 0 && random.nextDouble() < valid;
        }
        List<DataSplit> splits = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            byte[] part = new byte[foldOfRow.length];
            for (int row = 0; row < part.length; row++) {
                part[row] = (byte) (foldOfRow[row] == f ? 2 : validRow[row] ? 1 : 0);
            }
            splits.add(SplitOrder.partition(dataset, part));
        }
        return List.copyOf(splits);
    }

    /** The fold of every interaction row: a seeded shuffle dealt round the folds. */
    int[] foldOfRow(Dataset dataset) {
        int[] foldOfRow = new int[dataset.interactions().size()];
        if (by == FoldGrouping.GLOBAL) {
            int[] rows = new int[foldOfRow.length];
            for (int row = 0; row < rows.length; row++) {
                rows[row] = row;
            }
            deal(rows, rows.length, 0, foldOfRow);
            return foldOfRow;
        }
        SparseRows byUser = dataset.interactions().byUser();
        int[] rows = new int[16];
        int offset = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            int n = byUser.length(u);
            rows = UserRows.gather(byUser, u, rows);
            // Each user starts where the last left off, so users with fewer interactions than folds
            // do not all land in the first folds.
            deal(rows, n, offset, foldOfRow);
            offset = (offset + n) % folds;
        }
        return foldOfRow;
    }

    private void deal(int[] rows, int n, int offset, int[] foldOfRow) {
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = rows[k];
            rows[k] = rows[j];
            rows[j] = t;
        }
        for (int k = 0; k < n; k++) {
            foldOfRow[rows[k]] = (offset + k) % folds;
        }
    }
}
