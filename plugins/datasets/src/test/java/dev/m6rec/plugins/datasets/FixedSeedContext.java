package dev.m6rec.plugins.datasets;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** A {@link PluginContext} for tests: explicit seed, paths resolved against a base folder, no threads. */
public final class FixedSeedContext implements PluginContext {
    private final long seed;
    private final Path base;

    public FixedSeedContext(long seed, Path base) {
        this.seed = seed;
        this.base = base;
    }

    public static FixedSeedContext in(Path base) {
        return new FixedSeedContext(42, base);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String componentPath() {
        return "data";
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(seed * 1_000_003L + purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        throw new UnsupportedOperationException("loaders use no thread pool");
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
        return base.resolve(path);
    }
}
