package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NeighbourSimilarityModelTest {
    private static final RecordingPluginContext context = Fixtures.context(2);
    private static final RecordingPluginContext single = Fixtures.context(1);

    /** Six items with identical users (or rows) and one apart: every tie must go to the lower index. */
    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"INTERACTIONS", "FEATURES"})
    void tiesGoToTheLowerIndex(Source source) {
        Interactions.Builder b = Interactions.builder(3, 7, false, false);
        float[] rows = new float[7 * 2];
        for (int i = 0; i < 6; i++) {
            b.add(0, i, 1, 0).add(1, i, 1, 0);
            rows[i * 2] = 1;
        }
        b.add(2, 6, 1, 0);
        rows[6 * 2 + 1] = 1;
        SimilarityInput input = Fixtures.input(b.build(), new FeatureMatrix(7, List.of("a", "b"), rows), null);

        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("source", source.label(), "neighbours", 3), input, context);

        assertThat(model.neighbours(0, 3).items()).containsExactly(1, 2, 3);
        assertThat(model.neighbours(3, 3).items()).containsExactly(0, 1, 2);
        assertThat(model.neighbours(5, 3).items()).containsExactly(0, 1, 2);
        assertThat(model.neighbours(6, 3).size()).isZero();
    }

    @Test
    void jaccardOfIdenticalSetsIsExactlyOne() {
        Interactions train = Fixtures.interactions(3, 30, 20, 0.3);
        FeatureMatrix features = Fixtures.features(4, 20, 9);
        SimilarityInput input = Fixtures.input(train, features, null);

        NeighbourSimilarityModel onInteractions = Fixtures.fitted("jaccard", Map.of(), input, context);
        NeighbourSimilarityModel onFeatures = Fixtures.fitted("jaccard", Map.of("source", "features"), input, context);

        assertThat(onInteractions.similarity(1, 2)).isEqualTo(1f);
        assertThat(onInteractions.neighbours(1, 1).items()).containsExactly(2);
        assertThat(onInteractions.neighbours(1, 1).score(0)).isEqualTo(1f);
        assertThat(onFeatures.similarity(2, 3)).isEqualTo(1f);
        assertThat(onFeatures.similarity(5, 5)).isEqualTo(1f);
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void zeroVectorsHaveSimilarityZeroAndNoNeighbours(Measure measure) {
        Interactions train = Fixtures.interactions(5, 25, 15, 0.4);
        SimilarityInput input = Fixtures.input(train, Fixtures.features(6, 15, 5), null);

        NeighbourSimilarityModel onInteractions = Fixtures.fitted(measure.label(), Map.of(), input, context);
        NeighbourSimilarityModel onFeatures = Fixtures.fitted(measure.label(), Map.of("source", "features"), input, context);

        for (int j = 0; j < 15; j++) {
            assertThat(onInteractions.similarity(0, j)).isEqualTo(0f);
            assertThat(onFeatures.similarity(j, 0)).isEqualTo(0f);
        }
        assertThat(onInteractions.neighbours(0, 10).size()).isZero();
        assertThat(onFeatures.neighbours(0, 10).size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void oneThreadAndTwoThreadsGiveIdenticalResults(Measure measure) {
        Interactions train = Fixtures.interactions(7, 60, 300, 0.1);
        SimilarityInput input = Fixtures.input(train, Fixtures.features(8, 300, 10), null);
        Map<String, Object> hybrid = Map.of("source", "hybrid", "neighbours", 5,
                "sources", Map.of("interactions", 0.6, "features", 0.4));

        NeighbourAssertions.assertSameModel(Fixtures.fitted(measure.label(), hybrid, input, single),
                Fixtures.fitted(measure.label(), hybrid, input, context), 300, 5);
    }

    @Test
    void hybridBlendsTheUnionOfTheSourcesListsWithTheGivenWeights() {
        Interactions train = Fixtures.interactions(9, 40, 50, 0.3);
        FeatureMatrix features = Fixtures.features(10, 50, 8);
        SimilarityInput input = Fixtures.input(train, features, null);
        int k = 6;

        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("source", "hybrid", "neighbours", k,
                "sources", Map.of("interactions", 0.7, "features", 0.3)), input, context);
        NeighbourSimilarityModel interactions = Fixtures.fitted("cosine", Map.of("neighbours", k), input, context);
        NeighbourSimilarityModel byFeatures = Fixtures.fitted("cosine", Map.of("source", "features", "neighbours", k), input, context);

        double[][] a = BruteForceSimilarity.interactions(train, Measure.COSINE, false, 0, 1);
        double[][] f = BruteForceSimilarity.dense(features, Measure.COSINE);
        double[][] blended = new double[50][50];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                boolean inUnion = contains(interactions.neighbours(i, k), j) || contains(byFeatures.neighbours(i, k), j);
                blended[i][j] = inUnion ? 0.7 * a[i][j] + 0.3 * f[i][j] : 0;
                assertThat(model.similarity(i, j)).isEqualTo(0.7f * interactions.similarity(i, j) + 0.3f * byFeatures.similarity(i, j));
            }
        }
        for (int i = 0; i < 50; i++) {
            ScoredItems got = model.neighbours(i, k);
            List<Integer> expected = BruteForceSimilarity.top(blended, i, k);
            assertThat(got.size()).isEqualTo(expected.size());
            for (int r = 0; r < got.size(); r++) {
                assertThat((double) got.score(r)).isCloseTo(blended[i][expected.get(r)], org.assertj.core.api.Assertions.within(1e-5));
            }
        }
        NeighbourAssertions.assertStoredEqualsOnDemand(model, 50, k);
    }

    private static boolean contains(ScoredItems items, int item) {
        for (int r = 0; r < items.size(); r++) {
            if (items.item(r) == item) {
                return true;
            }
        }
        return false;
    }

    @Test
    void neighboursOfItemsInThePlantedClustersComeFromTheirCluster() {
        // 5 clusters of 30 items; each user picks items from one cluster, plus 10% noise anywhere.
        SplittableRandom rng = new SplittableRandom(21);
        Interactions.Builder b = Interactions.builder(400, 150, true, false);
        for (int u = 0; u < 400; u++) {
            int cluster = u % 5;
            for (int n = 0; n < 12; n++) {
                int item = rng.nextDouble() < 0.1 ? rng.nextInt(150) : cluster * 30 + rng.nextInt(30);
                b.add(u, item, 1 + rng.nextInt(5), 0);
            }
        }
        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("neighbours", 10),
                Fixtures.input(b.build(), FeatureMatrix.empty(150), null), context);

        int sameCluster = 0;
        for (int i = 0; i < 150; i++) {
            for (int neighbour : model.neighbours(i, 10).items()) {
                sameCluster += neighbour / 30 == i / 30 ? 1 : 0;
            }
        }
        // Random neighbours would share the cluster 20% of the time.
        assertThat(sameCluster / 1500.0).isGreaterThan(0.9);
    }

    @Test
    void neighboursReturnsAtMostTheRequestedNumber() {
        Interactions train = Fixtures.interactions(15, 30, 40, 0.4);
        NeighbourSimilarityModel model = Fixtures.fitted("cosine", Map.of("neighbours", 8),
                Fixtures.input(train, FeatureMatrix.empty(40), null), context);

        assertThat(model.neighbours(5, 3).items()).containsExactly(
                model.neighbours(5, 8).item(0), model.neighbours(5, 8).item(1), model.neighbours(5, 8).item(2));
        assertThat(model.neighbours(5, 100).size()).isEqualTo(8);
        assertThat(model.neighbours(5, 0).size()).isZero();
    }

    @Test
    void keepsAtMostAllOtherItems() {
        Interactions train = Fixtures.interactions(16, 20, 6, 0.9);
        NeighbourSimilarityModel model = Fixtures.fitted("euclidean", Map.of(),
                Fixtures.input(train, FeatureMatrix.empty(6), null), context);

        // Item 0 has no interactions; the 4 other items all share users with item 3.
        assertThat(model.neighbours(3, 50).size()).isEqualTo(4);
    }

    @Test
    void saysWhatIsMissingWhenEmbeddingsOrFeaturesAreAbsent() {
        Interactions train = Fixtures.interactions(17, 10, 10, 0.5);
        SimilarityInput input = Fixtures.input(train, FeatureMatrix.empty(10), null);
        NeighbourSimilarityModel embeddings = Fixtures.model("cosine", Map.of("source", "embeddings"), context);
        NeighbourSimilarityModel features = Fixtures.model("cosine", Map.of("source", "features"), context);

        assertThatThrownBy(() -> embeddings.fit(input)).isInstanceOf(ConfigException.class).hasMessage(
                "similarity.source: embeddings needs an interest model that exposes item embeddings; the fitted one has none");
        assertThatThrownBy(() -> features.fit(input)).isInstanceOf(ConfigException.class).hasMessage(
                "similarity.source: features needs item features, but features.item configures none");
    }

    @Test
    void refusesToAnswerBeforeFitOrLoad() {
        NeighbourSimilarityModel model = Fixtures.model("cosine", Map.of(), context);

        assertThatThrownBy(() -> model.similarity(0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("similarity (cosine): used before fit or load");
    }

    @Test
    void featureValuesMustBeFinite() {
        float[] rows = {1, 0, Float.NaN, 2};
        SimilarityInput input = Fixtures.input(Interactions.builder(1, 2, false, false).build(),
                new FeatureMatrix(2, List.of("age", "year"), rows), null);
        NeighbourSimilarityModel model = Fixtures.model("cosine", Map.of("source", "features"), context);

        assertThatThrownBy(() -> model.fit(input)).isInstanceOf(dev.m6rec.api.DataException.class)
                .hasMessage("similarity: item features of item 1, column 'age' is NaN");
    }
}
