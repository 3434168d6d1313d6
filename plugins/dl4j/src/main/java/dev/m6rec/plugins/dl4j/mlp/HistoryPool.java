package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.AdamParameter;
import java.util.Arrays;

/**
 * The fused kernel's history pooling (SVD++ / FISM): for a training row of user {@code u} and
 * item {@code i}, {@code h = sum(y_j for j in H(u) \ {i}) / sqrt(|H(u) \ {i}|)}, added to the user
 * embedding. Leaving the row's own item out matters: otherwise the model learns that an item
 * matches itself and scores nothing else. The graph equivalent is a bias-free dense layer over a
 * scaled multi-hot history ({@link MlpNetwork}).
 *
 * <p>Per batch, each distinct user's history is summed once (rows come in groups of one
 * positive and its negatives), row gradients are gathered per user and scattered back over the
 * history once, and only the touched rows of the table take an Adam step (lazy Adam, like the
 * embeddings).
 *
 * <p>Everything here runs on one thread, the kernel's last lane thread when it has several: the
 * table, its gradient and moments then stay in that core's cache, and only the pooled rows and
 * the row gradients cross between cores (see {@link MlpKernel} for the splits measured slower).
 */
final class HistoryPool {
    private final float[] table;
    private final int width;
    private final SparseRows histories;
    /** The table's gradient and Adam moments; lazy Adam on the rows a batch touches. */
    private final AdamParameter adam;
    // Per-batch user slots: the sum of the user's history vectors and the gradient at that sum.
    private final int[] slotOfUser;
    private final int[] userStamp;
    private final int[] slotUsers;
    private final float[] slotSums;
    private final float[] slotGrads;
    private int slots;
    private int batch;
    // Per-row pooling: the slot (-1: no history), the scale and the item left out (-1: none).
    private final int[] rowSlot;
    private final float[] rowScale;
    private final int[] rowLeftOut;
    /** Per-row pooled vectors, for the rows whose slot is not -1. */
    private final float[] pooled;

    HistoryPool(float[] table, int width, SparseRows histories, int maxRows, float decay) {
        this.table = table;
        this.width = width;
        this.histories = histories;
        this.adam = AdamParameter.table(table, width, decay);
        int users = histories.rows();
        this.slotOfUser = new int[users];
        this.userStamp = new int[users];
        this.slotUsers = new int[maxRows];
        this.slotSums = new float[maxRows * width];
        this.slotGrads = new float[maxRows * width];
        this.rowSlot = new int[maxRows];
        this.rowScale = new float[maxRows];
        this.rowLeftOut = new int[maxRows];
        this.pooled = new float[maxRows * width];
    }

    /** Starts a batch: forgets the previous batch's sums and clears its gradients. */
    void begin() {
        batch++;
        slots = 0;
        adam.clearGradient();
    }

    /** Pools batch rows {@code 0 .. rows}, examples {@code start ..}, for {@link #addPooled}. */
    void pool(MlpExamples examples, int start, int rows) {
        for (int r = 0; r < rows; r++) {
            int e = start + r;
            pool(r, examples.users[e], examples.items[e], examples.observed(e), examples.historyHidden[e]);
        }
    }

    /** Row {@code row}'s pooled history; none when the history is hidden or holds nothing but the row's own item. */
    private void pool(int row, int user, int item, boolean observed, boolean hidden) {
        int count = histories.length(user) - (observed ? 1 : 0);
        if (hidden || count <= 0) {
            rowSlot[row] = -1;
            return;
        }
        int slot = slotOf(user);
        float scale = (float) (1 / Math.sqrt(count));
        rowSlot[row] = slot;
        rowScale[row] = scale;
        rowLeftOut[row] = observed ? item : -1;
        int sb = slot * width;
        int pb = row * width;
        if (observed) {
            int ib = item * width;
            for (int k = 0; k < width; k++) {
                pooled[pb + k] = scale * (slotSums[sb + k] - table[ib + k]);
            }
        } else {
            for (int k = 0; k < width; k++) {
                pooled[pb + k] = scale * slotSums[sb + k];
            }
        }
    }

    /** Adds row {@code row}'s pooled history, if it has one, to {@code out[offset .. offset + width)}. */
    void addPooled(int row, float[] out, int offset) {
        if (rowSlot[row] < 0) {
            return;
        }
        int pb = row * width;
        for (int k = 0; k < width; k++) {
            out[offset + k] += pooled[pb + k];
        }
    }

    private int slotOf(int user) {
        if (userStamp[user] == batch) {
            return slotOfUser[user];
        }
        int slot = slots++;
        userStamp[user] = batch;
        slotOfUser[user] = slot;
        slotUsers[slot] = user;
        int sb = slot * width;
        Arrays.fill(slotSums, sb, sb + width, 0f);
        Arrays.fill(slotGrads, sb, sb + width, 0f);
        for (int p = histories.start(user), end = histories.end(user); p < end; p++) {
            int jb = histories.column(p) * width;
            for (int k = 0; k < width; k++) {
                slotSums[sb + k] += table[jb + k];
            }
        }
        return slot;
    }

    /** Takes row {@code row}'s gradient at the user vector, {@code g[offset .. offset + width)}. */
    void backward(int row, float[] g, int offset) {
        int slot = rowSlot[row];
        if (slot < 0) {
            return;
        }
        float scale = rowScale[row];
        int sb = slot * width;
        for (int k = 0; k < width; k++) {
            slotGrads[sb + k] += scale * g[offset + k];
        }
        int item = rowLeftOut[row];
        if (item >= 0) {
            float[] grad = adam.gradient;
            int ib = adam.touch(item);
            for (int k = 0; k < width; k++) {
                grad[ib + k] -= scale * g[offset + k];
            }
        }
    }

    /** Spreads each user's gathered gradient over every item of their history. */
    void scatter() {
        float[] grad = adam.gradient;
        for (int slot = 0; slot < slots; slot++) {
            int user = slotUsers[slot];
            int sb = slot * width;
            for (int p = histories.start(user), end = histories.end(user); p < end; p++) {
                int jb = adam.touch(histories.column(p));
                for (int k = 0; k < width; k++) {
                    grad[jb + k] += slotGrads[sb + k];
                }
            }
        }
    }

    /** One lazy Adam step on the rows this batch touched. */
    void update(float correction) {
        adam.update(correction);
    }

    float[] gradient() {
        return adam.gradient.clone();
    }
}
