package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.HostArray;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network's input, label and mask arrays for one batch size, allocated once and refilled
 * for every batch of every epoch.
 */
final class MlpBatch {
    private final int rows;
    private final HostArray userRows;
    private final HostArray itemRows;
    private final HostArray history;
    private final HostArray userFeatures;
    private final HostArray itemFeatures;
    private final HostArray neighbourhood;
    private final HostArray clicks;
    private final HostArray ratings;
    private final HostArray ratingMask;
    /** The cold-start head's input ({@code [user features, 1]}), labels (history distributions) and row weights. */
    private final HostArray coldUser;
    private final HostArray coldLabels;
    private final HostArray coldMask;
    private final INDArray[] inputs;
    private final INDArray[] labels;
    private final INDArray[] labelMasks;

    MlpBatch(int rows, MlpShape shape, boolean historyPooling) {
        this.rows = rows;
        this.userRows = new HostArray(rows, 1);
        this.itemRows = new HostArray(rows, 1);
        this.history = historyPooling ? new HostArray(rows, shape.numItems()) : null;
        this.userFeatures = shape.userFeatures() > 0 ? new HostArray(rows, shape.userFeatures()) : null;
        this.itemFeatures = shape.itemFeatures() > 0 ? new HostArray(rows, shape.itemFeatures()) : null;
        this.neighbourhood = shape.neighbourhood() ? new HostArray(rows, 1) : null;
        this.clicks = shape.clickHead() ? new HostArray(rows, 1) : null;
        this.ratings = shape.ratingHead() ? new HostArray(rows, 1) : null;
        // Negatives carry no rating: mask them out of the rating loss (only when negatives exist).
        this.ratingMask = shape.ratingHead() && shape.clickHead() ? new HostArray(rows, 1) : null;
        this.coldUser = shape.coldHead() ? new HostArray(rows, shape.userFeatures() + 1) : null;
        this.coldLabels = shape.coldHead() ? new HostArray(rows, shape.numItems()) : null;
        this.coldMask = shape.coldHead() ? new HostArray(rows, 1) : null;
        List<INDArray> in = new ArrayList<>(List.of(userRows.array(), itemRows.array()));
        if (history != null) {
            in.add(history.array());
        }
        if (userFeatures != null) {
            in.add(userFeatures.array());
        }
        if (itemFeatures != null) {
            in.add(itemFeatures.array());
        }
        if (neighbourhood != null) {
            in.add(neighbourhood.array());
        }
        if (coldUser != null) {
            in.add(coldUser.array());
        }
        this.inputs = in.toArray(INDArray[]::new);
        List<INDArray> out = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        if (clicks != null) {
            out.add(clicks.array());
            masks.add(null);
        }
        if (ratings != null) {
            out.add(ratings.array());
            masks.add(ratingMask == null ? null : ratingMask.array());
        }
        if (coldLabels != null) {
            out.add(coldLabels.array());
            masks.add(coldMask.array());
        }
        this.labels = out.toArray(INDArray[]::new);
        this.labelMasks = ratingMask == null && coldMask == null ? null : masks.toArray(INDArray[]::new);
    }

    int rows() {
        return rows;
    }

    /** Copies rows {@code [start, start + rows)} of {@code examples} into the arrays. */
    void fill(MlpExamples examples, int start, FeatureMatrix userMatrix, FeatureMatrix itemMatrix) {
        float[] userData = userMatrix.data();
        float[] itemData = itemMatrix.data();
        int uw = userMatrix.columns();
        int iw = itemMatrix.columns();
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            userRows.put(r, examples.userRows[e]);
            itemRows.put(r, examples.itemRows[e]);
            if (history != null) {
                fillHistory(r, examples, e);
            }
            if (userFeatures != null) {
                userFeatures.putRow(r, userData, examples.users[e] * uw);
            }
            if (itemFeatures != null) {
                itemFeatures.putRow(r, itemData, examples.items[e] * iw);
            }
            if (neighbourhood != null) {
                neighbourhood.put(r, examples.neighbourhood[e]);
            }
            if (clicks != null) {
                clicks.put(r, examples.clicks[e]);
            }
            if (ratings != null) {
                ratings.put(r, examples.ratings[e]);
            }
            if (ratingMask != null) {
                ratingMask.put(r, examples.ratingMask[e]);
            }
            if (coldUser != null) {
                fillCold(r, examples, e, userData, uw);
            }
        }
    }

    /** The cold-start head's row: the user's features and 1; the history's item distribution, weighted by its size. */
    private void fillCold(int r, MlpExamples examples, int e, float[] userData, int uw) {
        int user = examples.users[e];
        for (int c = 0, base = user * uw; c < uw; c++) {
            coldUser.put(r, c, userData[base + c]);
        }
        coldUser.put(r, uw, 1f);
        coldLabels.clearRow(r);
        coldMask.put(r, examples.coldWeight[e]);
        SparseRows histories = examples.histories;
        if (examples.coldWeight[e] > 0) {
            float share = 1f / histories.length(user);
            for (int p = histories.start(user); p < histories.end(user); p++) {
                int item = histories.column(p);
                coldLabels.put(r, item, coldLabels.get(r, item) + share);
            }
        }
    }

    /** The user's training items but the row's own, each {@code 1 / sqrt(count)} (see {@link HistoryPool}). */
    private void fillHistory(int r, MlpExamples examples, int e) {
        history.clearRow(r);
        SparseRows histories = examples.histories;
        int user = examples.users[e];
        int count = histories.length(user) - (examples.observed(e) ? 1 : 0);
        if (examples.historyHidden[e] || count <= 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(count));
        boolean leftOut = false;
        for (int p = histories.start(user); p < histories.end(user); p++) {
            int item = histories.column(p);
            if (examples.observed(e) && !leftOut && item == examples.items[e]) {
                leftOut = true;   // one occurrence of the row's own item stays out
                continue;
            }
            history.put(r, item, history.get(r, item) + scale);
        }
    }

    INDArray[] inputs() {
        return inputs;
    }

    INDArray[] labels() {
        return labels;
    }

    /** Per-output label masks, or null when no output is masked. */
    INDArray[] labelMasks() {
        return labelMasks;
    }
}
