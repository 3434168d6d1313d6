package dev.m6rec.plugins.features;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** A context for tests: fixed seed, no thread pool (feature extractors use none). */
final class FixedPluginContext implements PluginContext {
    private final String componentPath;

    FixedPluginContext(String componentPath) {
        this.componentPath = componentPath;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public String componentPath() {
        return componentPath;
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new Random(42L * 31 + purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        throw new UnsupportedOperationException("no executor in tests");
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
