package dev.m6rec.core.testing;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.exec.ChunkedParallelFor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A plugin context for tests: randomness seeded from (seed, purpose), a shared two-thread daemon
 * pool, paths resolved against a base directory, and every progress message and advance recorded
 * so tests can assert on them.
 *
 * <pre>{@code
 * RecordingPluginContext context = new RecordingPluginContext(42, "interest");
 * model = factory.create(config, context);
 * assertThat(context.messages).anyMatch(m -> m.startsWith("epoch 1/"));
 * }</pre>
 */
public final class RecordingPluginContext implements PluginContext {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "m6rec-test-worker");
        t.setDaemon(true);
        return t;
    });
    private final long seed;
    private final String componentPath;
    private final int threads;
    private final Path baseDir;
    /** Progress messages and info lines, in order. */
    public final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    /** Units passed to {@link ProgressTask#advance}, in order. */
    public final List<Long> advances = Collections.synchronizedList(new ArrayList<>());
    /** The interactions each {@link #fitSimilarity} call fitted on, in order (nested contexts included). */
    public final List<Interactions> similarityFits;
    private Supplier<SimilarityModel> similarity;
    private SparkSettings spark;

    public RecordingPluginContext(long seed, String componentPath, int threads, Path baseDir) {
        this(seed, componentPath, threads, baseDir, Collections.synchronizedList(new ArrayList<>()));
    }

    private RecordingPluginContext(long seed, String componentPath, int threads, Path baseDir,
                                   List<Interactions> similarityFits) {
        this.seed = seed;
        this.componentPath = componentPath;
        this.threads = threads;
        this.baseDir = baseDir;
        this.similarityFits = similarityFits;
    }

    /** Makes {@link #fitSimilarity} fit a model from {@code similarity}, as a run with a similarity section does. */
    public RecordingPluginContext withSimilarity(Supplier<SimilarityModel> similarity) {
        this.similarity = similarity;
        return this;
    }

    /** Makes {@link #spark} return {@code spark}, as in a run whose config has a {@code spark:} section. */
    public RecordingPluginContext withSpark(SparkSettings spark) {
        this.spark = spark;
        return this;
    }

    @Override
    public Optional<SparkSettings> spark() {
        return Optional.ofNullable(spark);
    }

    @Override
    public Optional<SimilarityModel> fitSimilarity(Interactions train, FeatureMatrix itemFeatures) {
        if (similarity == null) {
            return Optional.empty();
        }
        SimilarityModel model = similarity.get();
        model.fit(new SimilarityInput(train, itemFeatures, Optional.empty()));
        similarityFits.add(train);
        return Optional.of(model);
    }

    public RecordingPluginContext(long seed, String componentPath) {
        this(seed, componentPath, 2, Path.of("."));
    }

    /** A nested section's model, with a recording context of its own at the section's path. */
    @Override
    public InterestModel createInterestModel(InterestModelSection section) {
        RecordingPluginContext nested = new RecordingPluginContext(seed, section.path(), threads, baseDir, similarityFits);
        nested.similarity = similarity;
        return ((ConfiguredComponent) section).create(nested);
    }

    @Override
    public void parallelFor(int from, int to, RangeBody body) {
        ChunkedParallelFor.run(POOL, threads, from, to, body);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String componentPath() {
        return componentPath;
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(seed * 31 + purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        return POOL;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public ProgressReporter progress() {
        return new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
                        advances.add(units);
                    }

                    @Override
                    public void message(String message) {
                        messages.add(message);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void info(String message) {
                messages.add(message);
            }
        };
    }

    @Override
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }
}
