package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;

/**
 * Scores every item by its weighted number of training interactions, whoever the user is, so
 * unknown users and empty histories are scored like everyone else. With a {@code decay}
 * half-life of {@code d} days an interaction {@code t} seconds older than the newest training
 * interaction weighs {@code 0.5^(t / (d * 86400))}; with {@code weight-by-rating} it also weighs
 * its rating.
 */
final class PopularityModel implements InterestModel {
    static final int KIND = 1;
    private static final String SCORES = "scores.f32";
    private static final double SECONDS_PER_DAY = 86_400.0;
    private final String path;
    private final double decayDays;
    private final boolean weightByRating;
    private final FittedState<float[]> scores;

    PopularityModel(String path, double decayDays, boolean weightByRating) {
        this.path = requireNonNull(path, "path is null");
        this.scores = new FittedState<>(path, "popularity");
        this.decayDays = decayDays;
        this.weightByRating = weightByRating;
    }

    @Override
    public void fit(TrainingData data) {
        Interactions train = data.train();
        if (decayDays > 0 && !train.hasTimestamps()) {
            throw new ConfigException(path + ".decay", "needs interaction timestamps, but the training data has none");
        }
        long newest = Long.MIN_VALUE;
        if (decayDays > 0) {
            for (int row = 0; row < train.size(); row++) {
                newest = Math.max(newest, train.timestamp(row));
            }
        }
        double perSecond = decayDays > 0 ? 1.0 / (decayDays * SECONDS_PER_DAY) : 0.0;
        double[] sums = new double[train.numItems()];
        for (int row = 0; row < train.size(); row++) {
            double weight = weightByRating ? train.rating(row) : 1.0;
            if (decayDays > 0) {
                weight *= Math.pow(0.5, (newest - train.timestamp(row)) * perSecond);
            }
            sums[train.item(row)] += weight;
        }
        float[] fitted = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            fitted[i] = (float) sums[i];
        }
        scores.set(fitted);
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        float[] s = scores.get();
        for (int k = 0; k < items.length; k++) {
            out[k] = s[items[k]];
        }
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        System.arraycopy(scores.get(), 0, out, 0, out.length);
    }

    @Override
    public void save(ArtifactWriter out) {
        float[] s = scores.get();
        StoredArrays.writeHeader(out, KIND, s.length);
        out.writeFloats(SCORES, s);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        int[] dims = StoredArrays.readHeader(in, KIND, "popularity", 1);
        StoredArrays.requireSame(in, "items", dims[0], inputs.numItems());
        scores.set(StoredArrays.readFloats(in, SCORES, dims[0]));
    }
}
