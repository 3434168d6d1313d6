package dev.m6rec.plugins.similarity;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every measure over every single source agrees with the brute-force reference on random data. */
class AllPairsAgreementTest {
    private static final int K = 7;
    private static final RecordingPluginContext context = Fixtures.context(2);

    @ParameterizedTest
    @EnumSource(Measure.class)
    void interactionsAgreeWithReference(Measure measure) {
        Interactions train = Fixtures.interactions(11, 40, 60, 0.25);
        NeighbourSimilarityModel model = Fixtures.fitted(measure.label(), Map.of("neighbours", K),
                Fixtures.input(train, FeatureMatrix.empty(60), null), context);
        NeighbourAssertions.assertAgree(model, BruteForceSimilarity.interactions(train, measure, false, 0, 1), K);
        NeighbourAssertions.assertStoredEqualsOnDemand(model, 60, K);
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void binaryInteractionsWithShrinkageAndSupportAgreeWithReference(Measure measure) {
        Interactions train = Fixtures.interactions(12, 50, 45, 0.3);
        NeighbourSimilarityModel model = Fixtures.fitted(measure.label(),
                Map.of("neighbours", K, "binary", true, "shrinkage", 2.5, "min-support", 3),
                Fixtures.input(train, FeatureMatrix.empty(45), null), context);
        NeighbourAssertions.assertAgree(model, BruteForceSimilarity.interactions(train, measure, true, 2.5, 3), K);
        NeighbourAssertions.assertStoredEqualsOnDemand(model, 45, K);
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void featuresAgreeWithReference(Measure measure) {
        FeatureMatrix features = Fixtures.features(13, 70, 11);
        Interactions train = Interactions.builder(5, 70, false, false).build();
        NeighbourSimilarityModel model = Fixtures.fitted(measure.label(), Map.of("source", "features", "neighbours", K),
                Fixtures.input(train, features, null), context);
        NeighbourAssertions.assertAgree(model, BruteForceSimilarity.dense(features, measure), K);
        NeighbourAssertions.assertStoredEqualsOnDemand(model, 70, K);
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void embeddingsSpanningSeveralTilesAgreeWithReference(Measure measure) {
        // 700 items make two column tiles and eleven row chunks; 6 dimensions exercise the kernel's tail.
        FeatureMatrix embeddings = Fixtures.features(14, 700, 6);
        Interactions train = Interactions.builder(5, 700, false, false).build();
        NeighbourSimilarityModel model = Fixtures.fitted(measure.label(), Map.of("source", "embeddings", "neighbours", 3),
                Fixtures.input(train, FeatureMatrix.empty(700), embeddings), context);
        double[][] reference = BruteForceSimilarity.dense(embeddings, measure);
        NeighbourAssertions.assertAgree(model, reference, 3);
    }
}
