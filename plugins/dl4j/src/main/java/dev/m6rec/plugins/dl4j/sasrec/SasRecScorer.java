package dev.m6rec.plugins.dl4j.sasrec;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Scores with a fitted {@code sasrec}: the last {@code length} items of the history given at
 * scoring time (training items, fresh events, or a new user's first items) run through the
 * blocks without dropout, and each item's score is its row of the item table dotted with the
 * final position's output. An empty history scores by the final layer norm's bias alone, the
 * output of a sequence with nothing in it. Thread-safe: each thread has its own buffers.
 */
final class SasRecScorer {
    static {
        Loader.load(openblas_nolapack.class);   // the OpenBLAS ND4J loads (see Gemm)
    }

    private final SasRecParameters p;
    private final ThreadLocal<SasRecForward> buffers;

    /** {@code parameters} must not change afterwards (pass a copy of a training kernel's). */
    SasRecScorer(SasRecParameters parameters) {
        this.p = requireNonNull(parameters, "parameters is null");
        this.buffers = ThreadLocal.withInitial(() -> new SasRecForward(1, p.length, p.hidden, p.blocks, false));
    }

    SasRecParameters parameters() {
        return p;
    }

    void score(int[] history, int[] items, float[] out) {
        if (items.length != out.length) {
            throw new IllegalArgumentException("items and out differ in length");
        }
        float[] user = userVector(history);
        float[] table = p.tensors[SasRecParameters.ITEMS];
        int hidden = p.hidden;
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            if (item < 0 || item >= p.numItems) {
                throw new IllegalArgumentException("item index " + item + " outside 0.." + (p.numItems - 1));
            }
            float s = 0;
            for (int c = 0; c < hidden; c++) {
                s += table[item * hidden + c] * user[c];
            }
            out[k] = s;
        }
    }

    void scoreAll(int[] history, float[] out) {
        if (out.length != p.numItems) {
            throw new IllegalArgumentException("out has " + out.length + " entries, the model scores " + p.numItems
                    + " items");
        }
        float[] user = userVector(history);
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, p.numItems,
                p.hidden, 1f, p.tensors[SasRecParameters.ITEMS], p.hidden, user, 1, 0f, out, 1);
    }

    /** The final position's output for {@code history} (oldest first). */
    float[] userVector(int[] history) {
        for (int item : history) {
            if (item < 0 || item >= p.numItems) {
                throw new IllegalArgumentException("history item " + item + " outside 0.." + (p.numItems - 1));
            }
        }
        if (history.length == 0) {
            return p.tensors[SasRecParameters.FINAL_BIAS].clone();
        }
        SasRecForward f = buffers.get();
        f.setSequence(0, history, 0, history.length);
        f.run(p, 1, 0, null);
        float[] user = new float[p.hidden];
        System.arraycopy(f.output, (p.length - 1) * p.hidden, user, 0, p.hidden);
        return user;
    }

    /** The item table: each item's input embedding and output vector. */
    FeatureMatrix itemEmbeddings() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < p.hidden; k++) {
            names.add("sasrec-item-" + k);
        }
        return new FeatureMatrix(p.numItems, names, p.tensors[SasRecParameters.ITEMS].clone());
    }
}
