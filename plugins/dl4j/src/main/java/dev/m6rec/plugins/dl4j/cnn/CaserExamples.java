package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.SeenItems;
import java.util.random.RandomGenerator;

/**
 * Caser's training rows: for every training interaction, the user's previous {@code L} items
 * (left-padded) and the item itself as the target (label 1), followed by {@code negatives}
 * unseen items as targets (label 0). Windows are built once; each epoch shuffles them and
 * draws new negatives and user-id dropout.
 */
final class CaserExamples {
    final int size;
    final int length;
    /** {@code [size][length]} item rows of the input sequences. */
    final float[] sequences;
    final int[] users;
    /** Embedding rows of the targets (the padding row for items without training interactions). */
    final int[] targets;
    /** The target items themselves, whose words the text encoder reads. */
    final int[] targetItems;
    final float[] labels;
    private final int windows;
    private final int[] windowUser;
    private final int[] windowTarget;
    private final float[] windowSequence;
    private final int[] order;
    private final SeenItems seen;
    private final CaserShape shape;
    private final int negatives;
    private final double idDropout;
    private final boolean[] trainedItems;

    CaserExamples(Interactions train, CaserShape shape, int length, int negatives, double idDropout,
                  boolean[] trainedItems) {
        this.shape = shape;
        this.length = length;
        this.negatives = negatives;
        this.idDropout = idDropout;
        this.trainedItems = trainedItems;
        this.seen = SeenItems.of(train);
        SparseRows byUser = train.byUser();
        this.windows = byUser.nonZeros();
        this.windowUser = new int[windows];
        this.windowTarget = new int[windows];
        this.windowSequence = new float[windows * length];
        int w = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                windowUser[w] = u;
                windowTarget[w] = byUser.column(k);
                fillSequence(byUser.columnIndexes(), byUser.start(u), k, length, shape.padItem(), trainedItems,
                        windowSequence, w * length);
                w++;
            }
        }
        this.order = new int[windows];
        this.size = Math.multiplyExact(windows, 1 + negatives);
        this.sequences = new float[size * length];
        this.users = new int[size];
        this.targets = new int[size];
        this.targetItems = new int[size];
        this.labels = new float[size];
    }

    /**
     * Writes the (up to) {@code length} items of {@code history[from, end)} that end at
     * {@code end}, oldest first and left-padded, as embedding rows into {@code out}.
     */
    static void fillSequence(int[] history, int from, int end, int length, int pad, boolean[] trainedItems,
                             float[] out, int offset) {
        for (int p = 0; p < length; p++) {
            int source = end - length + p;
            int item = source >= from ? history[source] : pad;
            out[offset + p] = item != pad && item < trainedItems.length && trainedItems[item] ? item : pad;
        }
    }

    void resample(RandomGenerator rng) {
        for (int k = 0; k < windows; k++) {
            order[k] = k;
        }
        for (int k = windows - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int row = 0;
        for (int w : order) {
            int user = windowUser[w];
            int userRow = idDropout > 0 && rng.nextDouble() < idDropout ? shape.coldUser() : user;
            for (int n = 0; n <= negatives; n++) {
                int target = n == 0 ? windowTarget[w] : seen.sampleUnseen(user, rng);
                System.arraycopy(windowSequence, w * length, sequences, row * length, length);
                users[row] = userRow;
                targets[row] = trainedItems[target] ? target : shape.padItem();
                targetItems[row] = target;
                labels[row] = n == 0 ? 1f : 0f;
                row++;
            }
        }
    }
}
