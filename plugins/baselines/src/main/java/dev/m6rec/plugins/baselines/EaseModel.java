package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.M6RecException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", 2019). With {@code X} the
 * binary user-item matrix of the training split, {@code P = (X^T X + lambda I)^-1} and
 * {@code B = I - P diag(1/diag(P))}, i.e. {@code B[i][j] = -P[i][j] / P[j][j]} off the diagonal
 * and 0 on it. A user's scores are {@code x B} with {@code x} the binary vector of the profile's
 * history (repeats count once).
 *
 * <p>The Gram matrix and its inverse are float64 (the lower triangle of a dense matrix), inverted
 * by LAPACK's Cholesky routines ({@link LapackInverse}) on the host's threads; {@code B} is kept as
 * a dense float32 matrix,
 * row {@code h} being what history item {@code h} adds to every item's score.
 *
 * <p>Users: scores depend on the history only, so an unknown user (index -1) scores like a
 * known user with the same history and real-time events count at once. An empty history gets
 * {@link ColdStartScores} (training popularity scaled into [0, 0.001]).
 */
final class EaseModel implements InterestModel {
    static final int KIND = 4;
    /** {@code B} is written in row chunks of at most this many values (256 MB), keeping save and load buffers small. */
    static final int VALUES_PER_FILE = 1 << 26;
    /** The share of a block's user x item cells in histories above which {@code X B} runs as one GEMM. */
    static final double GEMM_DENSITY = 0.05;
    private final String path;
    private final double lambda;
    private final int maxItems;
    private final PluginContext context;
    private final int valuesPerFile;
    private final FittedState<Fitted> fitted;

    /** @param weights numItems x numItems row-major {@code B} */
    private record Fitted(int numItems, float[] weights, ColdStartScores coldStart) {
    }

    EaseModel(double lambda, int maxItems, PluginContext context) {
        this(lambda, maxItems, context, VALUES_PER_FILE);
    }

    /** A small {@code valuesPerFile} lets tests cover weights spread over several files. */
    EaseModel(double lambda, int maxItems, PluginContext context, int valuesPerFile) {
        this.context = requireNonNull(context, "context is null");
        this.path = context.componentPath();
        this.fitted = new FittedState<>(path, "ease");
        this.lambda = lambda;
        this.maxItems = maxItems;
        this.valuesPerFile = valuesPerFile;
    }

    @Override
    public void fit(TrainingData data) {
        int n = data.inputs().numItems();
        checkSize(n);
        try (ProgressTask task = context.progress().begin(path + ": ease", 3)) {
            task.message("item Gram matrix (" + n + " items)");
            double[] gram;
            // The Gram matrix takes minutes on tens of thousands of items: its rows show an ETA.
            try (ProgressTask rows = context.progress().begin(path + ": ease Gram matrix rows", n)) {
                gram = gram(UserItemSets.of(data.train()), n, context, rows);
            }
            for (int i = 0; i < n; i++) {
                gram[i * n + i] += lambda;
            }
            task.advance(1);
            task.message("inverting the regularised Gram matrix");
            try {
                LapackInverse.invertLower(gram, n, context.threads());
            } catch (ArithmeticException e) {
                throw new ConfigException(path + ".lambda", String.format(Locale.ROOT,
                        "too small to make the item Gram matrix invertible (was %s; %s); raise it", lambda,
                        e.getMessage()));
            }
            task.advance(1);
            task.message("item weights");
            float[] weights = weights(gram, n);
            task.advance(1);
            fitted.set(new Fitted(n, weights, ColdStartScores.fromTraining(data.train())));
        }
    }

    private void checkSize(int n) {
        if (n > maxItems) {
            throw new ConfigException(path + ".max-items", String.format(Locale.ROOT,
                    "the training data has %d items, more than %d; EASE holds dense item x item matrices "
                            + "(about %s of heap here): raise max-items only with the heap for it, or use "
                            + "item-knn or bpr", n, maxItems, size(bytesNeeded(n))));
        }
        long available = Runtime.getRuntime().maxMemory();
        if (bytesNeeded(n) > available) {
            throw new M6RecException(String.format(Locale.ROOT,
                    "%s: EASE on %d items needs about %s of heap but the JVM may use %s; "
                            + "raise -Xmx or use item-knn or bpr", path, n, size(bytesNeeded(n)), size(available)));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** The float64 Gram/inverse plus the float32 weights, which live side by side. */
    private static long bytesNeeded(int n) {
        return (long) n * n * (Double.BYTES + Float.BYTES);
    }

    /** The lower triangle of {@code X^T X}, row-major: co-occurrence counts of item pairs over users. */
    private static double[] gram(UserItemSets users, int n, PluginContext context, ProgressTask rows) {
        UserItemSets items = users.byItem();
        int[] userItems = users.items();
        int[] itemUsers = items.items();
        double[] gram = new double[n * n];
        // Row a collects, over the users of item a, their items b <= a: each row is one chunk's.
        context.parallelFor(0, n, (from, to) -> {
            for (int a = from; a < to; a++) {
                int row = a * n;
                for (int e = items.start(a); e < items.end(a); e++) {
                    int u = itemUsers[e];
                    for (int k = users.start(u); k < users.end(u) && userItems[k] <= a; k++) {
                        gram[row + userItems[k]] += 1.0;
                    }
                }
            }
            rows.advance(to - from);
        });
        return gram;
    }

    /** {@code B[i][j] = -P[i][j] / P[j][j]}, zero diagonal, from the lower triangle of the inverse {@code P}. */
    private static float[] weights(double[] p, int n) {
        float[] b = new float[n * n];
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = p[i * n + i];
        }
        for (int i = 0; i < n; i++) {
            int oi = i * n;
            for (int j = 0; j < i; j++) {
                double pij = p[oi + j];
                b[i * n + j] = (float) (-pij / diagonal[j]);
                b[j * n + i] = (float) (-pij / diagonal[i]);
            }
        }
        return b;
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        Fitted m = fitted.get();
        int[] items = distinctHistory(user);
        if (items.length == 0) {
            m.coldStart().scoreAll(out);
            return;
        }
        int n = m.numItems();
        float[] b = m.weights();
        Arrays.fill(out, 0, n, 0f);
        for (int h : items) {
            int base = h * n;
            for (int j = 0; j < n; j++) {
                out[j] += b[base + j];
            }
        }
    }

    /**
     * A block is {@code X B} with {@code X} the block's multi-hot histories. Measured on one core
     * (256 users, random B, OpenBLAS sgemm against the row sums below): at 1,682 items the GEMM
     * takes 15 ms whatever the histories, the row sums 15 ms at 60 items per history and 46 ms at
     * 200; at 5,000 items the GEMM takes 420 ms, the row sums 58 ms at 60 and 178 ms at 200. The
     * sparse sums win until histories fill a few percent of the catalogue, so the GEMM runs only
     * when the block's histories cover at least {@link #GEMM_DENSITY} of it. The GEMM sums in
     * another order: scores agree with the single-user form within {@code 1e-5 * (1 + |score|)}.
     */
    @Override
    public void scoreAll(List<UserProfile> users, float[] out) {
        Fitted m = fitted.get();
        int rows = users.size();
        int n = m.numItems();
        if ((long) rows * n != out.length) {
            throw new IllegalArgumentException(out.length + " scores for " + rows + " users x " + n + " items");
        }
        int[][] histories = new int[rows][];
        long entries = 0;
        for (int u = 0; u < rows; u++) {
            histories[u] = distinctHistory(users.get(u));
            entries += histories[u].length;
        }
        if (entries < GEMM_DENSITY * rows * n) {
            InterestModel.super.scoreAll(users, out);
            return;
        }
        float[] multiHot = new float[rows * n];
        for (int u = 0; u < rows; u++) {
            for (int h : histories[u]) {
                multiHot[u * n + h] = 1f;
            }
        }
        Arrays.fill(out, 0f);
        Sgemm.addProduct(rows, n, n, multiHot, m.weights(), out);
        float[] row = null;
        for (int u = 0; u < rows; u++) {
            if (histories[u].length == 0) {
                row = row == null ? new float[n] : row;
                m.coldStart().scoreAll(row);
                System.arraycopy(row, 0, out, u * n, n);
            }
        }
    }

    /** Adds the rows in the same order as {@link #scoreAll}, so both give bit-identical scores. */
    @Override
    public void score(UserProfile user, int[] candidates, float[] out) {
        Fitted m = fitted.get();
        int[] items = distinctHistory(user);
        if (items.length == 0) {
            m.coldStart().score(candidates, out);
            return;
        }
        int n = m.numItems();
        float[] b = m.weights();
        for (int k = 0; k < candidates.length; k++) {
            int j = candidates[k];
            float s = 0f;
            for (int h : items) {
                s += b[h * n + j];
            }
            out[k] = s;
        }
    }

    private static int[] distinctHistory(UserProfile user) {
        int[] items = user.history().clone();
        Arrays.sort(items);
        int size = 0;
        for (int k = 0; k < items.length; k++) {
            if (k == 0 || items[k] != items[k - 1]) {
                items[size++] = items[k];
            }
        }
        return Arrays.copyOf(items, size);
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted m = fitted.get();
        int n = m.numItems();
        StoredArrays.writeHeader(out, KIND, n);
        int rowsPerFile = rowsPerFile(n);
        for (int row = 0, file = 0; row < n; row += rowsPerFile, file++) {
            int rows = Math.min(rowsPerFile, n - row);
            out.writeFloats(weightsFile(file), Arrays.copyOfRange(m.weights(), row * n, (row + rows) * n));
        }
        m.coldStart().save(out);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        int[] dims = StoredArrays.readHeader(in, KIND, "ease", 1);
        int n = dims[0];
        StoredArrays.requireSame(in, "items", n, inputs.numItems());
        float[] weights = new float[n * n];
        int rowsPerFile = rowsPerFile(n);
        for (int row = 0, file = 0; row < n; row += rowsPerFile, file++) {
            int rows = Math.min(rowsPerFile, n - row);
            float[] chunk = StoredArrays.readFloats(in, weightsFile(file), (long) rows * n);
            System.arraycopy(chunk, 0, weights, row * n, chunk.length);
        }
        fitted.set(new Fitted(n, weights, ColdStartScores.load(in, n)));
    }

    private int rowsPerFile(int n) {
        return Math.max(1, valuesPerFile / Math.max(1, n));
    }

    /** {@code weights-000.f32}, {@code weights-001.f32}, ...: consecutive row ranges of {@code B}. */
    private static String weightsFile(int file) {
        return String.format(Locale.ROOT, "weights-%03d.f32", file);
    }
}
