package dev.m6rec.plugins.tuning;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** A context with an explicit seed; the optimisers only use {@link #random(String)}. */
final class SeededTestContext implements PluginContext {
    private final long seed;

    SeededTestContext(long seed) {
        this.seed = seed;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String componentPath() {
        return "optimizer";
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        throw new UnsupportedOperationException("optimisers do not use the executor");
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public ProgressReporter progress() {
        return ProgressReporter.silent();
    }

    @Override
    public Path resolve(String path) {
        return Path.of(path);
    }
}
