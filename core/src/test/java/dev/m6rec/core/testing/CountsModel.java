package dev.m6rec.core.testing;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.util.function.Consumer;

/**
 * The smallest interest model with state to save: each item scores its training count (most
 * popular first). For tests that need a real, saveable model without a plugin behind it; a test
 * that asks what fit was handed passes {@code onFit}.
 */
public final class CountsModel implements InterestModel {
    private final Consumer<TrainingData> onFit;
    private float[] counts;

    public CountsModel() {
        this(data -> { });
    }

    /** Calls {@code onFit} with what each fit is handed, before fitting. */
    public CountsModel(Consumer<TrainingData> onFit) {
        this.onFit = onFit;
    }

    @Override
    public void fit(TrainingData data) {
        onFit.accept(data);
        int[] c = data.train().itemCounts();
        counts = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            counts[i] = c[i];
        }
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        for (int k = 0; k < items.length; k++) {
            out[k] = counts[items[k]];
        }
    }

    @Override
    public void save(ArtifactWriter out) {
        out.writeFloats("counts.f32", counts);
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        counts = in.readFloats("counts.f32");
    }
}
