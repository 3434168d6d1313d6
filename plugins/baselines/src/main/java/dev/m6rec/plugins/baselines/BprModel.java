package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.FittedState;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.FactorFoldIn;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Matrix factorisation trained with BPR (Rendle et al. 2009): the score of item {@code j} for
 * user {@code u} is {@code b_j + p_u . q_j}, learned by SGD on
 * {@code ln sigmoid(score(u, i) - score(u, j))} for each training interaction {@code (u, i)} and
 * {@code negatives} items {@code j} drawn uniformly among those {@code u} never interacted with.
 * Each epoch visits the training interactions in a fresh random order. Training runs on one
 * thread so that a seed gives the same model bit for bit; both random streams come from
 * {@link PluginContext#random} ({@code bpr-init}, {@code bpr-sampling}).
 *
 * <p>Users: a user with training interactions is scored with its learned vector {@code p_u}
 * (history events after training do not move it). Any other profile (index -1, or a user
 * without training interactions) is folded in: {@code p} is the average of the factors of its
 * history items, so a fresh click changes the scores at once. A profile without history gets
 * {@link ColdStartScores} (training popularity scaled into [0, 0.001]).
 *
 * <p>A block of users is scored as one GEMM, {@code bias + P Q^T} ({@link Sgemm}); it sums the
 * factor terms in OpenBLAS's order, so its scores differ from the single-user form by float32
 * rounding only: within {@code 1e-5 * (1 + |b_j| + sum_d |p_d q_jd|)}.
 */
final class BprModel implements InterestModel {
    static final int KIND = 3;
    private static final String USER_FACTORS = "user-factors.f32";
    private static final String ITEM_FACTORS = "item-factors.f32";
    private static final String ITEM_BIAS = "item-bias.f32";
    private static final String TRAINED_USERS = "trained-users.i32";
    /** Draws per negative before giving up on a user who has (almost) every item. */
    private static final int NEGATIVE_TRIES = 64;
    private final String path;
    private final BprSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /**
     * @param userFactors  numUsers x factors, row-major
     * @param itemFactors  numItems x factors, row-major (the embeddings; used by {@code score})
     * @param factorItems  factors x numItems, the transpose (used by {@code scoreAll})
     * @param trainedUsers 1 for users seen in training
     */
    private record Fitted(int numUsers, int numItems, int factors, float[] userFactors, float[] itemFactors,
                          float[] factorItems, float[] itemBias, int[] trainedUsers, ColdStartScores coldStart) {
    }

    BprModel(BprSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.path = context.componentPath();
        this.fitted = new FittedState<>(path, "bpr");
    }

    @Override
    public void fit(TrainingData data) {
        Interactions train = data.train();
        int numUsers = data.inputs().numUsers();
        int numItems = data.inputs().numItems();
        int f = settings.factors();
        float[] userFactors = gaussian(numUsers * f, context.random("bpr-init"));
        float[] itemFactors = gaussian(numItems * f, context.random("bpr-init-items"));
        float[] itemBias = new float[numItems];
        UserItemSets positives = UserItemSets.of(train);
        RandomGenerator sampling = context.random("bpr-sampling");
        int[] order = new int[train.size()];
        for (int row = 0; row < order.length; row++) {
            order[row] = row;
        }
        BprStep step = new BprStep(f, settings.learningRate(), settings.regularization(), settings.itemBias(),
                userFactors, itemFactors, itemBias);
        try (ProgressTask task = context.progress().begin(path + ": bpr epochs", settings.epochs())) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                shuffle(order, sampling);
                double loss = 0;
                long steps = 0;
                for (int row : order) {
                    int u = train.user(row);
                    int i = train.item(row);
                    for (int n = 0; n < settings.negatives(); n++) {
                        int j = negative(positives, u, numItems, sampling);
                        if (j >= 0) {
                            loss += step.apply(u, i, j);
                            steps++;
                        }
                    }
                }
                if (!Double.isFinite(loss)) {
                    // A step too large overflows the factors; the model would score NaN and recommend nothing.
                    throw new ConfigException(path, "bpr training diverged at epoch " + epoch + " (loss "
                            + (steps == 0 ? loss : loss / steps) + "); lower learning-rate (was "
                            + settings.learningRate() + ")");
                }
                task.message(String.format(Locale.ROOT, "epoch %d/%d: bpr loss %.4f",
                        epoch, settings.epochs(), steps == 0 ? 0.0 : loss / steps));
                task.advance(1);
            }
        }
        int[] trainedUsers = new int[numUsers];
        for (int u = 0; u < positives.numUsers() && u < numUsers; u++) {
            trainedUsers[u] = positives.size(u) > 0 ? 1 : 0;
        }
        fitted.set(assemble(numUsers, numItems, f, userFactors, itemFactors, itemBias, trainedUsers,
                ColdStartScores.fromTraining(train)));
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        Fitted m = fitted.get();
        float[] p = userVector(m, user);
        if (p == null) {
            m.coldStart().scoreAll(out);
            return;
        }
        int n = m.numItems();
        System.arraycopy(m.itemBias(), 0, out, 0, n);
        float[] factorItems = m.factorItems();
        for (int k = 0; k < m.factors(); k++) {
            float pk = p[k];
            int base = k * n;
            for (int j = 0; j < n; j++) {
                out[j] += pk * factorItems[base + j];
            }
        }
    }

    /** One GEMM for the users with a factor vector; cold-start rows are overwritten afterwards. */
    @Override
    public void scoreAll(List<UserProfile> users, float[] out) {
        Fitted m = fitted.get();
        int rows = users.size();
        int n = m.numItems();
        int f = m.factors();
        if ((long) rows * n != out.length) {
            throw new IllegalArgumentException(out.length + " scores for " + rows + " users x " + n + " items");
        }
        float[] block = new float[rows * f];
        boolean[] cold = new boolean[rows];
        for (int u = 0; u < rows; u++) {
            float[] p = userVector(m, users.get(u));
            cold[u] = p == null;
            if (p != null) {
                System.arraycopy(p, 0, block, u * f, f);
            }
            System.arraycopy(m.itemBias(), 0, out, u * n, n);
        }
        Sgemm.addProductTransposed(rows, n, f, block, m.itemFactors(), out);
        float[] row = null;
        for (int u = 0; u < rows; u++) {
            if (cold[u]) {
                row = row == null ? new float[n] : row;
                m.coldStart().scoreAll(row);
                System.arraycopy(row, 0, out, u * n, n);
            }
        }
    }

    /** Adds the terms in the same order as {@link #scoreAll}, so both give bit-identical scores. */
    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        Fitted m = fitted.get();
        float[] p = userVector(m, user);
        if (p == null) {
            m.coldStart().score(items, out);
            return;
        }
        int f = m.factors();
        float[] itemFactors = m.itemFactors();
        float[] bias = m.itemBias();
        for (int k = 0; k < items.length; k++) {
            int j = items[k];
            float s = bias[j];
            int base = j * f;
            for (int d = 0; d < f; d++) {
                s += p[d] * itemFactors[base + d];
            }
            out[k] = s;
        }
    }

    /** The learned item factors (without bias), one row per item, columns {@code bpr-0..}. */
    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        Fitted m = fitted.get();
        List<String> names = new ArrayList<>(m.factors());
        for (int d = 0; d < m.factors(); d++) {
            names.add("bpr-" + d);
        }
        return Optional.of(new FeatureMatrix(m.numItems(), names, m.itemFactors().clone()));
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted m = fitted.get();
        StoredArrays.writeHeader(out, KIND, m.numUsers(), m.numItems(), m.factors());
        out.writeFloats(USER_FACTORS, m.userFactors());
        out.writeFloats(ITEM_FACTORS, m.itemFactors());
        out.writeFloats(ITEM_BIAS, m.itemBias());
        out.writeInts(TRAINED_USERS, m.trainedUsers());
        m.coldStart().save(out);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        int[] dims = StoredArrays.readHeader(in, KIND, "bpr", 3);
        int numUsers = dims[0];
        int numItems = dims[1];
        int f = dims[2];
        StoredArrays.requireSame(in, "users", numUsers, inputs.numUsers());
        StoredArrays.requireSame(in, "items", numItems, inputs.numItems());
        fitted.set(assemble(numUsers, numItems, f,
                StoredArrays.readFloats(in, USER_FACTORS, (long) numUsers * f),
                StoredArrays.readFloats(in, ITEM_FACTORS, (long) numItems * f),
                StoredArrays.readFloats(in, ITEM_BIAS, numItems),
                StoredArrays.readInts(in, TRAINED_USERS, numUsers),
                ColdStartScores.load(in, numItems)));
    }

    private static Fitted assemble(int numUsers, int numItems, int f, float[] userFactors, float[] itemFactors,
                                   float[] itemBias, int[] trainedUsers, ColdStartScores coldStart) {
        float[] factorItems = new float[itemFactors.length];
        for (int j = 0; j < numItems; j++) {
            for (int d = 0; d < f; d++) {
                factorItems[d * numItems + j] = itemFactors[j * f + d];
            }
        }
        return new Fitted(numUsers, numItems, f, userFactors, itemFactors, factorItems, itemBias, trainedUsers,
                coldStart);
    }

    /** The user's factor vector: learned, folded in from history, or null for no evidence at all. */
    private static float[] userVector(Fitted m, UserProfile user) {
        return FactorFoldIn.userVector(user, m.factors(), m.userFactors(), m.trainedUsers(), m.itemFactors());
    }

    /** A uniformly drawn item the user never interacted with, or -1 when none was found. */
    private static int negative(UserItemSets positives, int user, int numItems, RandomGenerator rng) {
        if (positives.size(user) >= numItems) {
            return -1;
        }
        for (int attempt = 0; attempt < NEGATIVE_TRIES; attempt++) {
            int j = rng.nextInt(numItems);
            if (!positives.contains(user, j)) {
                return j;
            }
        }
        return -1;
    }

    private float[] gaussian(int size, RandomGenerator rng) {
        float[] values = new float[size];
        double std = settings.initStd();
        for (int k = 0; k < size; k++) {
            values[k] = (float) (rng.nextGaussian() * std);
        }
        return values;
    }

    private static void shuffle(int[] values, RandomGenerator rng) {
        for (int k = values.length - 1; k > 0; k--) {
            int other = rng.nextInt(k + 1);
            int tmp = values[k];
            values[k] = values[other];
            values[other] = tmp;
        }
    }
}
