package dev.m6rec.core.pipeline;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.RangeBody;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.plugin.PluginFaults;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.exec.ChunkedParallelFor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/**
 * The context core hands a component: randomness derived from (run seed, component path,
 * purpose) so that adding a component or a purpose never shifts another one's draws.
 */
public final class DefaultPluginContext implements PluginContext {
    private final long seed;
    private final String componentPath;
    private final ExecutorService executor;
    private final int threads;
    private final ProgressReporter progress;
    private final Path baseDir;
    private final Optional<SparkSettings> spark;
    /** The run's similarity section fitted before the interest model, or null: what {@link #fitSimilarity} fits. */
    private final ConfiguredComponent similarity;

    public DefaultPluginContext(long seed, String componentPath, ExecutorService executor, int threads,
                                ProgressReporter progress, Path baseDir) {
        this(seed, componentPath, executor, threads, progress, baseDir, Optional.empty());
    }

    /** A context whose components may train on the Spark the run's {@code spark:} section describes. */
    public DefaultPluginContext(long seed, String componentPath, ExecutorService executor, int threads,
                                ProgressReporter progress, Path baseDir, Optional<SparkSettings> spark) {
        this(seed, componentPath, executor, threads, progress, baseDir, spark, null);
    }

    private DefaultPluginContext(long seed, String componentPath, ExecutorService executor, int threads,
                                 ProgressReporter progress, Path baseDir, Optional<SparkSettings> spark,
                                 ConfiguredComponent similarity) {
        this.seed = seed;
        this.componentPath = Objects.requireNonNull(componentPath, "componentPath is null");
        this.executor = Objects.requireNonNull(executor, "executor is null");
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress is null");
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir is null");
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.similarity = similarity;
    }

    /** The same run settings for another component. */
    public DefaultPluginContext forComponent(String path) {
        return new DefaultPluginContext(seed, path, executor, threads, progress, baseDir, spark, similarity);
    }

    /** This context, whose {@link #fitSimilarity} (and its nested components') fits {@code section}. */
    DefaultPluginContext withSimilarity(ConfiguredComponent section) {
        return new DefaultPluginContext(seed, componentPath, executor, threads, progress, baseDir, spark, section);
    }

    @Override
    public Optional<SimilarityModel> fitSimilarity(Interactions train, FeatureMatrix itemFeatures) {
        if (similarity == null) {
            return Optional.empty();
        }
        SimilarityModel model = similarity.create(forComponent(similarity.path()));
        SimilarityInput input = new SimilarityInput(train, itemFeatures, Optional.empty());
        PluginFaults.run(model, "fit", () -> model.fit(input));
        return Optional.of(model);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String componentPath() {
        return componentPath;
    }

    /**
     * The stream that samples the users an evaluation pass scores ({@code evaluation.max-users}): one
     * derivation for the validation during fit, tuning trials and the reported figures, so they agree.
     */
    public RandomGenerator evaluationUsers() {
        return forComponent("evaluation").random("users");
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(seed ^ fnv1a64(componentPath + "/" + purpose));
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public void parallelFor(int from, int to, RangeBody body) {
        ChunkedParallelFor.run(executor, threads, from, to, body);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public ProgressReporter progress() {
        return progress;
    }

    @Override
    public Optional<SparkSettings> spark() {
        return spark;
    }

    @Override
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    @Override
    public InterestModel createInterestModel(InterestModelSection section) {
        if (!(section instanceof ConfiguredComponent component)) {
            throw new IllegalArgumentException(section.path() + " is not a section core bound");
        }
        return component.create(forComponent(component.path()));
    }

    /** A stable string hash (String.hashCode is only 32 bits). */
    private static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
