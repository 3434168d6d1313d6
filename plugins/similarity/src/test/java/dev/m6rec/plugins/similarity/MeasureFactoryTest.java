package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureFactoryTest {

    @Test
    void defaultsAreInteractionsWithFiftyNeighboursAndNoDamping() {
        SimilaritySettings settings = settings("cosine", Map.of());

        assertThat(settings.source()).isEqualTo(Source.INTERACTIONS);
        assertThat(settings.neighbours()).isEqualTo(50);
        assertThat(settings.shrinkage()).isEqualTo(0f);
        assertThat(settings.minSupport()).isEqualTo(1);
        assertThat(settings.binary()).isFalse();
        assertThat(settings.sources()).isEqualTo(new SimilaritySettings.SourceWeights(null, null, null));
        assertThat(settings.weights()).containsExactly(Map.entry(Source.INTERACTIONS, 1f));
    }

    @Test
    void schemaDeclaresEveryKeyWithADescription() {
        assertThat(Fixtures.factory("pearson").schema().params())
                .extracting(p -> p.key())
                .containsExactly("source", "neighbours", "shrinkage", "min-support", "binary",
                        "sources.interactions", "sources.features", "sources.embeddings");
        assertThat(Fixtures.factory("pearson").schema().params()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheKeyAndValue() {
        assertThat(problems("cosine", Map.of("neighbours", 0)))
                .containsExactly("similarity.neighbours: must be >= 1 (was 0)");
        assertThat(problems("cosine", Map.of("shrinkage", -2.5)))
                .containsExactly("similarity.shrinkage: must be >= 0 (was -2.5)");
        assertThat(problems("jaccard", Map.of("min-support", 0)))
                .containsExactly("similarity.min-support: must be >= 1 (was 0)");
        assertThat(problems("cosine", Map.of("binary", "sometimes")))
                .containsExactly("similarity.binary: expected true or false (was 'sometimes')");
    }

    @Test
    void rejectsAnUnknownSourceListingTheChoices() {
        assertThat(problems("cosine", Map.of("source", "x")))
                .containsExactly("similarity.source: must be one of [interactions, features, embeddings, hybrid] (was 'x')");
    }

    @Test
    void rejectsUnknownKeysWithASuggestion() {
        assertThat(problems("cosine", Map.of("neighbors", 10)))
                .containsExactly("similarity.neighbors: unknown key; did you mean 'neighbours'?");
    }

    @Test
    void hybridNeedsValidPositiveWeightsOfKnownSources() {
        assertThat(problems("cosine", Map.of("source", "hybrid")))
                .containsExactly("similarity.sources: required when source is hybrid, e.g. {interactions: 0.7, features: 0.3}");
        assertThat(problems("cosine", Map.of("source", "hybrid",
                "sources", Map.of("interactions", 0.7, "hybrid", 0.3))))
                .containsExactly("similarity.sources.hybrid: unknown key; valid keys are [embeddings, features, interactions]");
        assertThat(problems("cosine", Map.of("source", "hybrid", "sources", Map.of("features", -0.5))))
                .containsExactly("similarity.sources.features: must be > 0 (was -0.5)");
        assertThat(problems("cosine", Map.of("source", "hybrid", "sources", Map.of("features", 0))))
                .containsExactly("similarity.sources.features: must be > 0 (was 0)");
        assertThat(problems("cosine", Map.of("source", "hybrid", "sources", Map.of("embeddings", "lots"))))
                .containsExactly("similarity.sources.embeddings: expected a number (was 'lots')");
        assertThat(problems("cosine", Map.of("source", "hybrid", "sources", "interactions")))
                .containsExactly("similarity.sources: expected a mapping (was 'interactions')");
    }

    @Test
    void hybridWeightsAreReadInSourceOrderAndAcceptNumbersAsText() {
        SimilaritySettings settings = settings("cosine", Map.of("source", "hybrid",
                "sources", Map.of("features", "0.25", "interactions", 0.75)));

        assertThat(settings.weights())
                .containsExactly(Map.entry(Source.INTERACTIONS, 0.75f), Map.entry(Source.FEATURES, 0.25f));
    }

    @Test
    void rejectsOptionsThatTheChosenSourceIgnores() {
        assertThat(problems("cosine", Map.of("source", "features", "sources", Map.of("features", 1))))
                .containsExactly("similarity.sources: only used when source is hybrid (source is features)");
        assertThat(problems("cosine", Map.of("source", "embeddings", "shrinkage", 10, "binary", true)))
                .containsExactly("similarity.shrinkage: applies only to the interactions source (source is embeddings)",
                        "similarity.binary: applies only to the interactions source (source is embeddings)");
        assertThat(problems("cosine", Map.of("source", "hybrid", "min-support", 2,
                "sources", Map.of("features", 1, "embeddings", 1))))
                .containsExactly("similarity.min-support: applies only to the interactions source (source is hybrid)");
        assertThat(problems("cosine", Map.of("source", "hybrid", "min-support", 2,
                "sources", Map.of("features", 1, "interactions", 1)))).isEmpty();
        // The settings cannot tell a default written out from one left out, and either changes nothing.
        assertThat(problems("cosine", Map.of("source", "features", "shrinkage", 0, "binary", false))).isEmpty();
    }

    @Test
    void requiresEmbeddingsOnlyWhenTheyAreCompared() {
        MeasureFactory factory = Fixtures.factory("cosine");

        assertThat(factory.requiresEmbeddings(settings("cosine", Map.of("source", "embeddings")))).isTrue();
        assertThat(factory.requiresEmbeddings(settings("cosine", Map.of("source", "hybrid",
                "sources", Map.of("interactions", 0.5, "embeddings", 0.5))))).isTrue();
        assertThat(factory.requiresEmbeddings(settings("cosine", Map.of("source", "hybrid",
                "sources", Map.of("interactions", 0.5, "features", 0.5))))).isFalse();
        assertThat(factory.requiresEmbeddings(settings("cosine", Map.of()))).isFalse();
        assertThat(factory.requiresEmbeddings(settings("cosine", Map.of("source", "features")))).isFalse();
    }

    @Test
    void describesEachMeasure() {
        for (Measure measure : Measure.values()) {
            assertThat(new MeasureFactory(measure).description()).isNotBlank();
        }
    }

    private static SimilaritySettings settings(String type, Map<String, Object> section) {
        return Sections.bind(Fixtures.factory(type), "similarity", section);
    }

    private static List<String> problems(String type, Map<String, Object> section) {
        return Sections.problems(Fixtures.factory(type), "similarity", section);
    }
}
