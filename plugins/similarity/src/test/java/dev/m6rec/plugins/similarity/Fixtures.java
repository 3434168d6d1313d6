package dev.m6rec.plugins.similarity;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Generated data and fitted models for the tests; every random draw comes from an explicit seed. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Random ratings 1..5 with timestamps, plus the awkward cases: item 0 has no interactions,
     * items 1 and 2 have exactly the same users, some (user, item) pairs occur twice with
     * different ratings, and the last user has a single interaction.
     */
    static Interactions interactions(long seed, int users, int items, double density) {
        SplittableRandom rng = new SplittableRandom(seed);
        Interactions.Builder b = Interactions.builder(users, items, true, true);
        long time = 1_000;
        for (int u = 0; u < users - 1; u++) {
            boolean both = rng.nextDouble() < 0.4;
            for (int i = 1; i < items; i++) {
                boolean touch = i <= 2 ? both : rng.nextDouble() < density;
                if (touch) {
                    b.add(u, i, 1 + rng.nextInt(5), time + rng.nextInt(1_000));
                    if (rng.nextDouble() < 0.05) {
                        b.add(u, i, 1 + rng.nextInt(5), time + 2_000 + rng.nextInt(1_000));
                    }
                }
            }
        }
        b.add(users - 1, items - 1, 4f, 5_000);
        return b.build();
    }

    /** Random dense rows with a zero row (0), a constant row (1), two equal rows (2, 3) and some zeros. */
    static FeatureMatrix features(long seed, int items, int dims) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[items * dims];
        for (int i = 1; i < items; i++) {
            for (int k = 0; k < dims; k++) {
                data[i * dims + k] = i == 1 ? 0.5f : rng.nextDouble() < 0.3 ? 0f : (float) rng.nextGaussian();
            }
        }
        System.arraycopy(data, 2 * dims, data, 3 * dims, dims);
        List<String> names = IntStream.range(0, dims).mapToObj(k -> "f" + k).toList();
        return new FeatureMatrix(items, names, data);
    }

    static SimilarityInput input(Interactions train, FeatureMatrix features, FeatureMatrix embeddings) {
        return new SimilarityInput(train, features, Optional.ofNullable(embeddings));
    }

    /** Core's test context with {@code threads} workers on its shared pool, seed 42. */
    static RecordingPluginContext context(int threads) {
        return new RecordingPluginContext(42, "similarity", threads, Path.of("."));
    }

    static MeasureFactory factory(String type) {
        return new MeasureFactory(Measure.fromLabel(type));
    }

    /** A model made from a valid {@code similarity} section. */
    static NeighbourSimilarityModel model(String type, Map<String, Object> section, RecordingPluginContext ctx) {
        return (NeighbourSimilarityModel) Sections.create(factory(type), "similarity", section, ctx);
    }

    static NeighbourSimilarityModel fitted(String type, Map<String, Object> section, SimilarityInput input,
                                           RecordingPluginContext ctx) {
        NeighbourSimilarityModel model = model(type, section, ctx);
        model.fit(input);
        return model;
    }
}
