package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;

/**
 * Item-based nearest neighbours: the score of item {@code j} is
 * {@code sum over history positions p of w(p) * sim(h_p, j)}, where {@code j} must be among the
 * {@code neighbours} nearest items of {@code h_p}, and {@code w(p)} is the rating of position
 * {@code p} (with {@code weight-by-rating}) times {@code 0.5^(age / recency-half-life)} with
 * {@code age} counted in positions back from the newest item. Repeated history items count
 * every time.
 *
 * <p>The score depends on the profile's history only, so an unknown user (index -1) with a
 * history is scored exactly like a known user with the same history, and real-time events count
 * as soon as they are in the history. A profile with an empty history gets {@link ColdStartScores}
 * (training popularity scaled into [0, 0.001]).
 *
 * <p>Neighbour lists are fetched once at fit, on the threads of the context given at create, and
 * stored in the artifact, so a loaded model scores exactly as the fitted one without asking the
 * similarity model again.
 */
final class ItemKnnModel implements InterestModel {
    static final int KIND = 2;
    private final String path;
    private final int neighbours;
    private final boolean weightByRating;
    private final double recencyHalfLife;
    private final boolean normalise;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    private record Fitted(ItemKnnNeighbours lists, ColdStartScores coldStart, int numItems) {
    }

    ItemKnnModel(ItemKnnFactory.Settings settings, PluginContext context) {
        this.context = requireNonNull(context, "context is null");
        this.path = context.componentPath();
        this.fitted = new FittedState<>(path, "item-knn");
        this.neighbours = settings.neighbours();
        this.weightByRating = settings.weightByRating();
        this.recencyHalfLife = settings.recencyHalfLife();
        this.normalise = settings.normalise();
    }

    @Override
    public void fit(TrainingData data) {
        SimilarityModel similarity = requireSimilarity(data.inputs());
        int numItems = data.inputs().numItems();
        fitted.set(new Fitted(ItemKnnNeighbours.fetch(similarity, numItems, neighbours, context),
                ColdStartScores.fromTraining(data.train()), numItems));
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        Fitted f = fitted.get();
        int[] history = user.history();
        if (history.length == 0) {
            f.coldStart().scoreAll(out);
            return;
        }
        Arrays.fill(out, 0f);
        float[] denominators = normalise ? new float[out.length] : null;
        int[] items = f.lists().items();
        float[] similarities = f.lists().similarities();
        double decayPerPosition = recencyHalfLife > 0 ? Math.pow(0.5, 1.0 / recencyHalfLife) : 1.0;
        double recency = 1.0;
        for (int p = history.length - 1; p >= 0; p--, recency *= decayPerPosition) {
            int h = history[p];
            float rating = weightByRating ? user.historyRating(p) : 1f;
            float weight = (float) (rating * recency);
            if (weight == 0f && !normalise) {
                continue;
            }
            int end = f.lists().end(h);
            for (int e = f.lists().start(h); e < end; e++) {
                out[items[e]] += weight * similarities[e];
            }
            if (denominators != null) {
                float reach = (float) recency;
                for (int e = f.lists().start(h); e < end; e++) {
                    denominators[items[e]] += Math.abs(reach * similarities[e]);
                }
            }
        }
        if (denominators != null) {
            for (int j = 0; j < out.length; j++) {
                out[j] = denominators[j] > 0f ? out[j] / denominators[j] : 0f;
            }
        }
    }

    /** Scores through {@link #scoreAll} so both give bit-identical values. */
    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        float[] all = new float[fitted.get().numItems()];
        scoreAll(user, all);
        for (int k = 0; k < items.length; k++) {
            out[k] = all[items[k]];
        }
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted f = fitted.get();
        StoredArrays.writeHeader(out, KIND, f.numItems());
        f.lists().save(out);
        f.coldStart().save(out);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        requireSimilarity(inputs);
        int[] dims = StoredArrays.readHeader(in, KIND, "item-knn", 1);
        StoredArrays.requireSame(in, "items", dims[0], inputs.numItems());
        fitted.set(new Fitted(ItemKnnNeighbours.load(in, dims[0]), ColdStartScores.load(in, dims[0]), dims[0]));
    }

    private SimilarityModel requireSimilarity(ModelInputs inputs) {
        return inputs.similarity().orElseThrow(() ->
                new ConfigException(path + ".type", "item-knn needs a similarity section"));
    }
}
