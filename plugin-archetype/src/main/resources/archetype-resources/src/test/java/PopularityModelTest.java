package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PopularityModelTest {
    private static final int ITEMS = Fixtures.USERS_OF.length;
    private static final UserProfile ANYONE = UserProfile.of(-1, new int[0], null, new float[0]);
    private final PopularityModelFactory factory = new PopularityModelFactory();
    private final ModelInputs inputs = new ModelInputs(Fixtures.USERS, ITEMS, FeatureMatrix.empty(Fixtures.USERS),
            FeatureMatrix.empty(ITEMS), Optional.empty());

    private InterestModel fitted(Map<String, Object> section) {
        InterestModel model = Sections.create(factory, "interest", section, new RecordingPluginContext(1, "interest"));
        DataSplit split = new DataSplit(Fixtures.dataset(), Fixtures.interactions(), Fixtures.interactions().empty(),
                Fixtures.interactions().empty());
        model.fit(new TrainingData(split, inputs, ValidationScorer.none("ndcg@10")));
        return model;
    }

    @Test
    void scoresItemsByTheirTrainingInteractionsOrRatings() {
        float[] counts = new float[ITEMS];
        fitted(Map.of()).scoreAll(ANYONE, counts);
        assertThat(counts).containsExactly(4f, 3f, 2f, 1f);

        float[] ratingSums = new float[2];
        fitted(Map.of("use-ratings", true)).score(ANYONE, new int[] {3, 2}, ratingSums);
        assertThat(ratingSums).containsExactly(4f, 6f);   // the fixture rates item i with 1 + i
    }

    @Test
    void aSavedModelLoadsBackWithIdenticalScores() {
        InterestModel model = fitted(Map.of("use-ratings", true));
        MemoryArtifacts folder = new MemoryArtifacts("interest");
        model.save(folder);
        InterestModel loaded = Sections.create(factory, "interest", Map.of("use-ratings", true),
                new RecordingPluginContext(1, "interest"));
        loaded.load(folder, inputs);

        float[] expected = new float[ITEMS];
        float[] actual = new float[ITEMS];
        model.scoreAll(ANYONE, expected);
        loaded.scoreAll(ANYONE, actual);
        assertThat(actual).isEqualTo(expected);
    }
}
