package dev.m6rec.runtime.reliability;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A plugin (api only, loaded from a plugin folder by {@link PluginFolder}) with two interest
 * models that fail the way the reliability cases need: {@code disk-full} trains and scores fine,
 * then its save hits a full disk; {@code nan-scores} trains without a loss to check and scores NaN.
 */
public final class FaultyModelsPlugin implements Plugin {
    @Override
    public String name() {
        return "faulty-models";
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new Factory("disk-full", false), new Factory("nan-scores", true));
    }

    private record Factory(String name, boolean nan) implements InterestModelFactory<NoSettings> {
        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public InterestModel create(NoSettings settings, PluginContext context) {
            return new Model(nan);
        }
    }

    private record Model(boolean nan) implements InterestModel {
        @Override
        public void fit(TrainingData data) {
        }

        @Override
        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = nan ? Float.NaN : 1f / (1 + items[k]);
            }
        }

        @Override
        public void save(ArtifactWriter out) {
            out.writeText("partial.txt", "half written");
            throw new UncheckedIOException(new IOException("No space left on device"));
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    }
}
