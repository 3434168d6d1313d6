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
 */
final class HistoryPool {
    private final float[] table;
    private final int width;
    private final SparseRows histories;
    private final float[] m;
    private final float[] v;
    private final float[] grad;
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
    private final int[] touched;
    private final int[] itemStamp;
    private int touchedCount;

    HistoryPool(float[] table, int width, SparseRows histories, int maxRows) {
        this.table = table;
        this.width = width;
        this.histories = histories;
        this.m = new float[table.length];
        this.v = new float[table.length];
        this.grad = new float[table.length];
        int users = histories.rows();
        this.slotOfUser = new int[users];
        this.userStamp = new int[users];
        this.slotUsers = new int[maxRows];
        this.slotSums = new float[maxRows * width];
        this.slotGrads = new float[maxRows * width];
        this.rowSlot = new int[maxRows];
        this.rowScale = new float[maxRows];
        this.rowLeftOut = new int[maxRows];
        this.touched = new int[table.length / width];
        this.itemStamp = new int[table.length / width];
    }

    /** Starts a batch: forgets the previous batch's sums and clears its gradients. */
    void begin() {
        batch++;
        slots = 0;
        for (int k = 0; k < touchedCount; k++) {
            Arrays.fill(grad, touched[k] * width, (touched[k] + 1) * width, 0f);
        }
        touchedCount = 0;
    }

    /**
     * Adds row {@code row}'s pooled history to {@code out[offset .. offset + width)}; nothing when
     * the history is hidden or holds nothing but the row's own item.
     */
    void pool(int row, int user, int item, boolean observed, boolean hidden, float[] out, int offset) {
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
        if (observed) {
            int ib = item * width;
            for (int k = 0; k < width; k++) {
                out[offset + k] += scale * (slotSums[sb + k] - table[ib + k]);
            }
        } else {
            for (int k = 0; k < width; k++) {
                out[offset + k] += scale * slotSums[sb + k];
            }
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
            touch(item);
            int ib = item * width;
            for (int k = 0; k < width; k++) {
                grad[ib + k] -= scale * g[offset + k];
            }
        }
    }

    /** Spreads each user's gathered gradient over every item of their history. */
    void scatter() {
        for (int slot = 0; slot < slots; slot++) {
            int user = slotUsers[slot];
            int sb = slot * width;
            for (int p = histories.start(user), end = histories.end(user); p < end; p++) {
                int item = histories.column(p);
                touch(item);
                int jb = item * width;
                for (int k = 0; k < width; k++) {
                    grad[jb + k] += slotGrads[sb + k];
                }
            }
        }
    }

    private void touch(int item) {
        if (itemStamp[item] != batch) {
            itemStamp[item] = batch;
            touched[touchedCount++] = item;
        }
    }

    /** One lazy Adam step on the rows this batch touched. */
    void update(float correction, float decay) {
        for (int k = 0; k < touchedCount; k++) {
            int from = touched[k] * width;
            AdamParameter.step(table, grad, m, v, from, from + width, correction, decay);
        }
    }

    float[] gradient() {
        return grad.clone();
    }
}
