package dev.m6rec.plugins.spark;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs inside a class loader without Spark or Scala (see {@link AlsWithoutSparkTest}): finds {@code als}
 * through ServiceLoader, loads the saved folder and scores every item for one user, as a server would.
 */
public final class SparkFreeScoring {
    private SparkFreeScoring() {
    }

    /** The scores of every item for {@code user} (with {@code history}) from the model saved in {@code dir}. */
    public static float[] score(String dir, int user, int[] history) {
        InterestModelFactory<?> als = ServiceLoader.load(Plugin.class, SparkFreeScoring.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("spark")).findFirst().orElseThrow()
                .interestModels().get(0);
        try (InterestModel model = Sections.create(als, "interest", Map.of(), new RecordingPluginContext(1, "interest"))) {
            model.load(new FolderArtifacts(Path.of(dir)), PlantedTastes.generate(11).inputs());
            float[] out = new float[PlantedTastes.ITEMS];
            model.scoreAll(UserProfile.of(user, history, null, new float[0]), out);
            return out;
        }
    }
}
