package dev.m6rec.plugins.spark;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.interest.FactorFoldIn;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matrix factorisation by alternating least squares: the score of item {@code j} for user
 * {@code u} is {@code p_u . q_j}. {@code fit} trains on Spark MLlib ({@link MllibAls}, the only
 * class here that touches Spark); everything else (scoring, save, load) is plain Java on the
 * factor tables, so a saved model serves without Spark on the class path.
 *
 * <p>Users: a user with training interactions is scored with its learned vector. Any other
 * profile with a history is folded in as the mean of its history items' factors, so a fresh
 * click changes the scores at once; a profile without history gets the training popularity
 * scaled into [0, 0.001]. Every path sums {@code p_d q_jd} in the same order ({@link #dot}), so the
 * single-user, gathered and block forms give bit-identical scores.
 */
final class AlsModel implements InterestModel {
    private final AlsSettings settings;
    private final PluginContext context;
    private final FittedState<AlsFactors> fitted;

    AlsModel(AlsSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "als");
    }

    @Override
    public void fit(TrainingData data) {
        if (settings.feedback() == AlsSettings.Feedback.EXPLICIT && !data.train().hasRatings()) {
            throw new ConfigException(context.componentPath() + ".feedback",
                    "explicit feedback predicts ratings, and the dataset has none; use implicit");
        }
        try {
            fitted.set(MllibAls.train(settings, context, data.train(), data.inputs().numUsers(),
                    data.inputs().numItems()));
        } catch (NoClassDefFoundError e) {
            // ./m6rec adds Spark's jars only for a config with a spark: section; spark-submit always has them.
            throw new ConfigException(context.componentPath(), "als trains on Spark, which is not on the class path ("
                    + e.getMessage() + "); add a spark: section to the config, or run it through spark-submit");
        }
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        AlsFactors m = fitted.get();
        float[] p = userVector(m, user);
        for (int k = 0; k < items.length; k++) {
            out[k] = p == null ? m.popularity()[items[k]] : dot(p, m.itemFactors(), items[k], m.rank());
        }
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        AlsFactors m = fitted.get();
        scoreRow(m, userVector(m, user), out, 0);
    }

    /** Each row is {@link #scoreAll(UserProfile, float[])}'s; a block shares nothing but the item table. */
    @Override
    public void scoreAll(List<UserProfile> users, float[] out) {
        AlsFactors m = fitted.get();
        if ((long) users.size() * m.numItems() != out.length) {
            throw new IllegalArgumentException(out.length + " scores for " + users.size() + " users x "
                    + m.numItems() + " items");
        }
        for (int u = 0; u < users.size(); u++) {
            scoreRow(m, userVector(m, users.get(u)), out, u * m.numItems());
        }
    }

    /** The item factors, one row per item, columns {@code als-0..}. */
    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        AlsFactors m = fitted.get();
        List<String> names = new ArrayList<>(m.rank());
        for (int d = 0; d < m.rank(); d++) {
            names.add("als-" + d);
        }
        return Optional.of(new FeatureMatrix(m.numItems(), names, m.itemFactors().clone()));
    }

    @Override
    public void save(ArtifactWriter out) {
        fitted.get().save(out);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        fitted.set(AlsFactors.load(in, inputs.numUsers(), inputs.numItems()));
    }

    private static void scoreRow(AlsFactors m, float[] p, float[] out, int offset) {
        int n = m.numItems();
        if (p == null) {
            System.arraycopy(m.popularity(), 0, out, offset, n);
            return;
        }
        float[] q = m.itemFactors();
        for (int j = 0; j < n; j++) {
            out[offset + j] = dot(p, q, j, m.rank());
        }
    }

    private static float dot(float[] p, float[] q, int item, int rank) {
        int base = item * rank;
        float s = 0f;
        for (int d = 0; d < rank; d++) {
            s += p[d] * q[base + d];
        }
        return s;
    }

    /** The learned vector, the mean of the history's item vectors, or null when there is no evidence. */
    private static float[] userVector(AlsFactors m, UserProfile user) {
        return FactorFoldIn.userVector(user, m.rank(), m.userFactors(), m.trainedUsers(), m.itemFactors());
    }
}
