package com.example.minimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SharedUsersSimilarityTest {
    /** The users of items 0..4: item 0 shares 3 users with item 1, 2 with item 2, 1 with item 3, none with item 4. */
    private static final int[][] USERS_OF = {{0, 1, 2, 3, 0}, {0, 1, 2}, {2, 3, 4, 5, 6, 7}, {0}, {8}};
    private final SharedUsersFactory factory = new SharedUsersFactory();

    private SimilarityModel created(Map<String, Object> section) {
        return Sections.create(factory, "similarity", section, new RecordingPluginContext(1, "similarity"));
    }

    private SimilarityModel fitted(Map<String, Object> section) {
        SimilarityModel model = created(section);
        Interactions.Builder train = Interactions.builder(9, USERS_OF.length, false, false);
        for (int item = 0; item < USERS_OF.length; item++) {
            for (int user : USERS_OF[item]) {
                train.add(user, item, 1f, 0L);
            }
        }
        model.fit(new SimilarityInput(train.build(), FeatureMatrix.empty(USERS_OF.length), Optional.empty()));
        return model;
    }

    @Test
    void isFoundThroughServiceLoaderWithItsName() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof MinimalPlugin).toList();
        assertThat(plugins).hasSize(1);
        assertThat(plugins.get(0).name()).isEqualTo("minimal-example");
        assertThat(plugins.get(0).similarityModels()).extracting(SimilarityModelFactory::name)
                .containsExactly("shared-users");
    }

    @Test
    void itsDefaultAndItsValidationMessage() {
        assertThat(Sections.bind(factory, "similarity", Map.of())).isEqualTo(new SharedUsersFactory.Settings(10));
        assertThat(Sections.problems(factory, "similarity", Map.of("shrinkage", -1)))
                .containsExactly("similarity.shrinkage: must be >= 0 (was -1)");
    }

    @Test
    void itemsSharingMoreUsersAreMoreSimilar() {
        SimilarityModel model = fitted(Map.of());
        // Item 0's users are {0, 1, 2, 3}: the repeated interaction of user 0 counts once.
        assertThat(model.similarity(0, 1)).isCloseTo((float) (3 / (Math.sqrt(12) + 10)), within(1e-7f));
        assertThat(model.similarity(1, 0)).isEqualTo(model.similarity(0, 1));
        assertThat(model.similarity(0, 4)).isZero();
        assertThat(model.neighbours(0, 10).items()).containsExactly(1, 2, 3);
        // Without shrinkage item 3 (one user, shared) beats item 2 (2 of its 6 users shared).
        assertThat(fitted(Map.of("shrinkage", 0)).neighbours(0, 10).items()).containsExactly(1, 3, 2);
    }

    @Test
    void aSavedModelLoadsBackWithIdenticalSimilarities() {
        SimilarityModel model = fitted(Map.of());
        MemoryArtifacts artifact = new MemoryArtifacts();
        model.save(artifact);
        SimilarityModel loaded = created(Map.of());
        loaded.load(artifact);

        for (int a = 0; a < USERS_OF.length; a++) {
            for (int b = 0; b < USERS_OF.length; b++) {
                assertThat(loaded.similarity(a, b)).as("%d,%d", a, b).isEqualTo(model.similarity(a, b));
            }
            assertThat(loaded.neighbours(a, 3).items()).isEqualTo(model.neighbours(a, 3).items());
        }
    }
}
