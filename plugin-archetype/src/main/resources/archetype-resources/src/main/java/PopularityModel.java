package ${package};

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;

/**
 * The simplest interest model: an item's score is how often it was used in training (or the sum
 * of its ratings), whoever the user. A real model would read {@code user.history()} and
 * {@code user.features()}. Scoring only reads the fitted array, so it is thread-safe.
 */
public final class PopularityModel implements InterestModel {
    private final boolean useRatings;
    private final FittedState<float[]> popularity;

    public PopularityModel(boolean useRatings, String path) {
        this.useRatings = useRatings;
        this.popularity = new FittedState<>(path, ExamplePlugin.NAME + "-popularity");
    }

    @Override
    public void fit(TrainingData data) {
        Interactions train = data.train();
        float[] scores = new float[train.numItems()];
        for (int row = 0; row < train.size(); row++) {
            scores[train.item(row)] += useRatings ? train.rating(row) : 1f;
        }
        popularity.set(scores);
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        float[] scores = popularity.get();
        for (int i = 0; i < items.length; i++) {
            out[i] = scores[items[i]];
        }
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        System.arraycopy(popularity.get(), 0, out, 0, out.length);
    }

    @Override
    public void save(ArtifactWriter out) {
        out.writeFloats("popularity.f32", popularity.get());
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        float[] scores = in.readFiniteFloats("popularity.f32");
        if (scores.length != inputs.numItems()) {
            throw new ArtifactException(in.location() + ": popularity.f32 holds " + scores.length + " items, the data "
                    + inputs.numItems());
        }
        popularity.set(scores);
    }
}
