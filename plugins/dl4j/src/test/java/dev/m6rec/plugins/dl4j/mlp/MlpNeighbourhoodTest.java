package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.plugins.dl4j.CoOccurrenceSimilarity;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mlp's two behaviour inputs: the item-kNN score from the run's similarity model (stored
 * with the model) and the pooled history (so a fresh event moves the scores without retraining).
 */
class MlpNeighbourhoodTest {
    private static final SyntheticData DATA = MlpFixtures.DATA;
    private static final ModelInputs WITH_SIMILARITY = new ModelInputs(DATA.numUsers, DATA.numItems,
            DATA.inputs.userFeatures(), DATA.inputs.itemFeatures(),
            Optional.of(new CoOccurrenceSimilarity(DATA.split.train())));
    private static final MlpModel MODEL = fit();

    private static MlpModel fit() {
        MlpModel model = MlpFixtures.create(MlpFixtures.small(Map.of("epochs", 4)),
                new RecordingPluginContext(42, "interest"));
        model.fit(new TrainingData(DATA.split, WITH_SIMILARITY, RankingEvaluation.validation(DATA.split.train(),
                DATA.split.valid(), DATA.inputs.userFeatures())));
        return model;
    }

    @Test
    void theNeighbourListsAreStoredAndALoadScoresBitForBit() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        MODEL.save(artifacts);
        assertThat(artifacts.files).containsKeys("mlp-neighbour-offsets.i32", "mlp-neighbour-items.i32",
                "mlp-neighbour-similarities.f32");
        assertThat(new String(artifacts.files.get("mlp.properties"))).contains("neighbourhood=true");
        MlpModel loaded = load(artifacts);
        UserProfile user = RankingEvaluation.profile(3, DATA.split.train(), DATA.inputs.userFeatures());
        float[] before = new float[DATA.numItems];
        float[] after = new float[DATA.numItems];
        MODEL.scoreAll(user, before);
        loaded.scoreAll(user, after);
        assertThat(after).containsExactly(before);
    }

    @Test
    void damagedNeighbourListsFailNamingTheFile() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        MODEL.save(artifacts);
        byte[] items = artifacts.files.get("mlp-neighbour-items.i32");
        artifacts.files.put("mlp-neighbour-items.i32", Arrays.copyOf(items, items.length - 4));
        assertThatThrownBy(() -> load(artifacts)).isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/mlp-neighbour-items.i32: truncated");
    }

    @Test
    void aFreshEventMovesTheScoresWithoutRetraining() {
        UserProfile before = RankingEvaluation.profile(5, DATA.split.train(), DATA.inputs.userFeatures());
        int event = DATA.split.test().byUser().row(5)[0];
        int[] longer = Arrays.copyOf(before.history(), before.history().length + 1);
        longer[longer.length - 1] = event;
        UserProfile after = UserProfile.of(5, longer, null, before.features());
        float[] a = new float[DATA.numItems];
        float[] b = new float[DATA.numItems];
        MODEL.scoreAll(before, a);
        MODEL.scoreAll(after, b);
        assertThat(b).isNotEqualTo(a);
    }

    private static MlpModel load(MemoryArtifacts artifacts) {
        MlpModel loaded = MlpFixtures.create(MlpFixtures.small(Map.of("epochs", 4)),
                new RecordingPluginContext(7, "interest"));
        loaded.load(artifacts, WITH_SIMILARITY);
        return loaded;
    }
}
