package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoUsersSimilarityTest {
    private final CoUsersSimilarityFactory factory = new CoUsersSimilarityFactory();

    private SimilarityModel created(Map<String, Object> section) {
        return Sections.create(factory, "similarity", section, new RecordingPluginContext(1, "similarity"));
    }

    private SimilarityModel fitted(Map<String, Object> section) {
        SimilarityModel model = created(section);
        model.fit(new SimilarityInput(Fixtures.interactions(), FeatureMatrix.empty(Fixtures.USERS_OF.length),
                Optional.empty()));
        return model;
    }

    @Test
    void defaultsAndValidation() {
        assertThat(Sections.bind(factory, "similarity", Map.of())).isEqualTo(new CoUsersSimilarityFactory.Settings(1));
        assertThat(Sections.problems(factory, "similarity", Map.of("min-shared", 0)))
                .containsExactly("similarity.min-shared: must be >= 1 (was 0)");
    }

    @Test
    void itemsSharingMoreUsersAreMoreSimilar() {
        SimilarityModel model = fitted(Map.of());
        assertThat(model.similarity(0, 1)).isEqualTo(3f / 4);
        assertThat(model.similarity(1, 0)).isEqualTo(model.similarity(0, 1));
        assertThat(model.similarity(0, 2)).isEqualTo(1f / 5);
        assertThat(model.similarity(0, 3)).isZero();
        assertThat(model.neighbours(0, 10).items()).containsExactly(1, 2);
        assertThat(fitted(Map.of("min-shared", 2)).neighbours(0, 10).items()).containsExactly(1);
    }

    @Test
    void aSavedModelLoadsBackWithIdenticalSimilarities() {
        SimilarityModel model = fitted(Map.of());
        MemoryArtifacts folder = new MemoryArtifacts("similarity");
        model.save(folder);
        SimilarityModel loaded = created(Map.of());
        loaded.load(folder);

        for (int a = 0; a < Fixtures.USERS_OF.length; a++) {
            for (int b = 0; b < Fixtures.USERS_OF.length; b++) {
                assertThat(loaded.similarity(a, b)).as("%d,%d", a, b).isEqualTo(model.similarity(a, b));
            }
        }
    }
}
