package dev.m6rec.plugins.spark;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.RangeBody;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** A recording context for a run whose config has a {@code spark:} section. */
final class SparkRunContext implements PluginContext {
    final RecordingPluginContext recording;
    private final SparkSettings spark;

    SparkRunContext(RecordingPluginContext recording, SparkSettings spark) {
        this.recording = recording;
        this.spark = spark;
    }

    @Override
    public Optional<SparkSettings> spark() {
        return Optional.of(spark);
    }

    @Override
    public long seed() {
        return recording.seed();
    }

    @Override
    public String componentPath() {
        return recording.componentPath();
    }

    @Override
    public RandomGenerator random(String purpose) {
        return recording.random(purpose);
    }

    @Override
    public ExecutorService executor() {
        return recording.executor();
    }

    @Override
    public void parallelFor(int from, int to, RangeBody body) {
        recording.parallelFor(from, to, body);
    }

    @Override
    public int threads() {
        return recording.threads();
    }

    @Override
    public ProgressReporter progress() {
        return recording.progress();
    }

    @Override
    public Path resolve(String path) {
        return recording.resolve(path);
    }
}
