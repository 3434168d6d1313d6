package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.similarity.SimilarityPlugin;
import dev.m6rec.plugins.similarity.SparseAllPairsJob;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The all-pairs pass as a Spark job on {@code local[2]} gives the single-machine neighbour lists:
 * equal up to ties as {@link NeighbourAgreement} defines it, and in fact identical, since every tile
 * sums a pair over its common users in the same order as the single-machine pass. The data has a
 * heavy user, popular and rare items, an item nobody touched and repeated ratings; the plan cuts it
 * into 3 x 2 tiles and the columns into many chunks, so both shuffles move data between partitions.
 */
class SparkAllPairsTest {
    private static final int USERS = 70;
    private static final int ITEMS = 45;
    private static final int K = 5;

    @ParameterizedTest(name = "{0} binary={1} shrinkage={2} min-support={3}")
    @CsvSource({
        "cosine, false, 0, 1",
        "cosine, true, 2.5, 2",
        "jaccard, false, 0, 1",
        "jaccard, true, 0, 2",
        "pearson, false, 0, 1",
        "adjusted-cosine, false, 1, 1",
        "euclidean, false, 0, 1"})
    void listsOnTilesEqualTheSingleMachineLists(String measure, boolean binary, float shrinkage, int minSupport) {
        Interactions train = skewedRatings(17);
        SimilarityModel local = fitted(measure, Map.of("neighbours", K, "binary", binary, "shrinkage", shrinkage,
                "min-support", minSupport), train, new RecordingPluginContext(42, "similarity"));
        SparseAllPairsJob job = SparseAllPairsJob.of(train, measure, binary, shrinkage, minSupport, K);
        AllPairsPlan plan = AllPairsPlan.of(job, 3, 2);
        assertThat(plan.tiles()).isEqualTo(6);

        SparkAllPairs.run(TestSpark.session(), job, plan, 40);

        assertThat(NeighbourAgreement.differencesBeyondTies(ITEMS, i -> local.neighbours(i, K), job::neighbours))
                .isEmpty();
        assertThat(NeighbourAgreement.notIdentical(ITEMS, i -> local.neighbours(i, K), job::neighbours)).isZero();
        assertThat(countFull(local)).as("k is below the candidate count for most items").isGreaterThan(ITEMS / 2);
    }

    @Test
    void aSimilaritySectionOverInteractionsFitsOnSparkWhenTheRunHasASparkSection() {
        Interactions train = skewedRatings(29);
        Map<String, Object> section = Map.of("neighbours", K);
        SimilarityModel local = fitted("cosine", section, train, new RecordingPluginContext(42, "similarity"));
        RecordingPluginContext run = new RecordingPluginContext(42, "similarity").withSpark(TestSpark.LOCAL_2);

        SimilarityModel onSpark = fitted("cosine", section, train, run);

        assertThat(run.messages).contains("all pairs on spark");
        assertThat(NeighbourAgreement.notIdentical(ITEMS, i -> local.neighbours(i, K), i -> onSpark.neighbours(i, K)))
                .isZero();
        assertThat(onSpark.similarity(3, 4)).isEqualTo(local.similarity(3, 4));
    }

    /** Items of falling popularity, user 0 touches nearly all, item ITEMS-1 nobody; some pairs rated twice. */
    static Interactions skewedRatings(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Interactions.Builder b = Interactions.builder(USERS, ITEMS, true, true);
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS - 1; i++) {
                double p = u == 0 ? 0.9 : 0.6 / (1 + i / 6.0);
                if (rng.nextDouble() < p) {
                    b.add(u, i, 1 + rng.nextInt(9) * 0.5f, rng.nextInt(1_000));
                    if (rng.nextDouble() < 0.05) {
                        b.add(u, i, 1 + rng.nextInt(9) * 0.5f, 2_000 + rng.nextInt(1_000));
                    }
                }
            }
        }
        return b.build();
    }

    static SimilarityModel fitted(String type, Map<String, Object> section, Interactions train, PluginContext context) {
        SimilarityModelFactory<?> factory = new SimilarityPlugin().similarityModels().stream()
                .filter(f -> f.name().equals(type)).findFirst().orElseThrow();
        SimilarityModel model = Sections.create(factory, "similarity", section, context);
        model.fit(new SimilarityInput(train, FeatureMatrix.empty(ITEMS), Optional.empty()));
        return model;
    }

    private static int countFull(SimilarityModel model) {
        int full = 0;
        for (int i = 0; i < ITEMS; i++) {
            full += model.neighbours(i, K).size() == K ? 1 : 0;
        }
        return full;
    }

}
